using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.State;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Orders;

namespace Lean.MarketMaking.Algorithms.State;

/// <summary>
/// The restart state of a LEAN market-making algorithm, independent of its models: restores the newest saved
/// <see cref="MarketMakingStateSnapshot"/> from <see cref="ObjectStoreStateSlots"/> (or reports a cold start), keeps
/// the <see cref="FillJournal"/> going across restarts (each LEAN fill event once, by order id and event id), saves
/// snapshots the algorithm assembles (sequence numbers continuing the restored one), and reconciles the saved inventory
/// against the brokerage's holdings (the brokerage is the truth: the difference is only reported and counted).
/// Asset i is <c>assets[i]</c>, as in <see cref="MarketMakingState"/>.
/// </summary>
public sealed class RestartStateKeeper
{
    private readonly Symbol[] _assets;
    private readonly int _journalCapacity;

    /// <summary>Creates the keeper.</summary>
    /// <param name="slots">Where the state is saved.</param>
    /// <param name="assets">The quoted securities, in the state's asset order (at least one).</param>
    /// <param name="journalCapacity">Fills kept in the journal (&gt; 0): each save writes them all.</param>
    public RestartStateKeeper(ObjectStoreStateSlots slots, IReadOnlyList<Symbol> assets, int journalCapacity = FillJournal.DefaultCapacity)
    {
        Slots = slots ?? throw Guard.Invalid(nameof(slots), "must not be null");
        if (assets is null || assets.Count == 0)
        {
            throw Guard.Invalid(nameof(assets), "must name at least one security");
        }

        _assets = new Symbol[assets.Count];
        for (var i = 0; i < _assets.Length; i++)
        {
            _assets[i] = assets[i];
        }

        _journalCapacity = Guard.Positive(journalCapacity, nameof(journalCapacity));
        Journal = new FillJournal(journalCapacity);
    }

    /// <summary>Where the state is saved.</summary>
    public ObjectStoreStateSlots Slots { get; }

    /// <summary>The outcome of <see cref="Restore"/>, or null before it.</summary>
    public StateRestoreResult? RestoreResult { get; private set; }

    /// <summary>The restored snapshot, or null (cold start, or before <see cref="Restore"/>).</summary>
    public MarketMakingStateSnapshot? Restored => RestoreResult?.Snapshot;

    /// <summary>The fills journalled so far, the restored ones included.</summary>
    public FillJournal Journal { get; private set; }

    /// <summary>Assets whose saved inventory differed from the brokerage's holdings at <see cref="Reconcile"/>.</summary>
    public int InventoryMismatches { get; private set; }

    /// <summary>Sum over the assets of |brokerage holdings − saved inventory|, units of each asset.</summary>
    public decimal InventoryDifference { get; private set; }

    /// <summary>
    /// Reads the saved state: the newest readable slot, or a cold start (missing, corrupt, unsupported version, or
    /// saved for another number of assets). The journal continues from the restored one.
    /// </summary>
    public StateRestoreResult Restore()
    {
        var result = Slots.Restore();
        if (result.Snapshot is { } snapshot && snapshot.State.AssetCount != _assets.Length)
        {
            result = StateRestoreResult.Cold(ColdStartReason.Corrupt,
                $"the saved state has {snapshot.State.AssetCount} asset(s), this algorithm quotes {_assets.Length}");
        }

        if (result.Snapshot is { } restored)
        {
            Journal = new FillJournal(_journalCapacity, restored.Journal.Records, restored.Journal.DroppedCount);
        }

        return RestoreResult = result;
    }

    /// <summary>
    /// Journals a fill event of a quoted security once (a repeated order id and event id is ignored); other securities'
    /// events and non-fills are ignored.
    /// </summary>
    /// <param name="fill">LEAN's order event.</param>
    /// <param name="fee">The fill's fee in the account currency (≥ 0).</param>
    /// <returns>Whether the fill was new and journalled.</returns>
    public bool RecordFill(OrderEvent fill, decimal fee)
    {
        if (fill is null || fill.FillQuantity == 0 || fill.Status is not (OrderStatus.Filled or OrderStatus.PartiallyFilled))
        {
            return false;
        }

        var asset = Array.IndexOf(_assets, fill.Symbol);
        if (asset < 0 || Journal.Contains(fill.OrderId, fill.Id))
        {
            return false;
        }

        Journal = Journal.Append(new FillRecord(fill.OrderId, fill.Id, asset, fill.UtcTime, (double)fill.FillPrice, (double)fill.FillQuantity,
            (double)Math.Max(0m, fee)));
        return true;
    }

    /// <summary>
    /// Compares asset <paramref name="asset"/>'s saved inventory with the brokerage's holdings; a difference is counted
    /// in <see cref="InventoryMismatches"/> and <see cref="InventoryDifference"/>. Without a restored state there is
    /// nothing to compare (0).
    /// </summary>
    /// <returns>Holdings − saved inventory, units of the asset.</returns>
    public decimal Reconcile(int asset, decimal brokerageQuantity)
    {
        if (Restored is not { } snapshot)
        {
            return 0m;
        }

        var difference = brokerageQuantity - (decimal)snapshot.State.Inventory[asset];
        if (difference != 0)
        {
            InventoryMismatches++;
            InventoryDifference += Math.Abs(difference);
        }

        return difference;
    }

    /// <summary>Saves a snapshot of <paramref name="state"/> with the journal and the next sequence number.</summary>
    /// <param name="utcNow">Save time.</param>
    /// <param name="state">The market maker's state (one entry per asset).</param>
    /// <param name="estimators">Per asset, the online estimators' running sums, or default for none.</param>
    /// <param name="workingQuotes">The resting quotes.</param>
    /// <returns>Whether the store took it (see <see cref="ObjectStoreStateSlots.Save"/>).</returns>
    public bool Save(DateTime utcNow, MarketMakingState state, ImmutableArray<AssetEstimatorStates?> estimators, IEnumerable<WorkingQuote> workingQuotes) =>
        Slots.Save(new MarketMakingStateSnapshot(Slots.NextSequence, utcNow, state, default, workingQuotes, Journal, estimators));

    /// <summary>
    /// Runtime statistics: "State restored" (the restored sequence, or the cold start's reason), "State saves", "State
    /// save failures", "Fills journalled", "Inventory reconciled (difference)".
    /// </summary>
    public void Publish(QCAlgorithm algorithm)
    {
        algorithm.SetRuntimeStatistic("State restored", RestoreResult is null ? "not read"
            : Restored is { } restored ? string.Create(CultureInfo.InvariantCulture, $"#{restored.Sequence}")
            : $"cold start ({RestoreResult.ColdStartReason})");
        algorithm.SetRuntimeStatistic("State saves", (decimal)Slots.Saves);
        algorithm.SetRuntimeStatistic("State save failures", (decimal)Slots.FailedSaves);
        algorithm.SetRuntimeStatistic("Fills journalled", (decimal)Journal.Records.Length);
        algorithm.SetRuntimeStatistic("Inventory reconciled (difference)", InventoryDifference);
    }
}
