using System;
using System.Collections.Immutable;
using System.Linq;
using Lean.MarketMaking.Algorithms.State;
using Lean.MarketMaking.Models.State;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Orders;
using QuantConnect.Storage;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.State;

/// <summary>
/// Issue 11 §2, LEAN side: the restart state in LEAN's ObjectStore (two alternating keys, the newest readable one
/// restored, a torn or corrupt slot never a crash), the fill journal across a restart, and the inventory reconciliation.
/// </summary>
[TestFixture]
public class RestartStateTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 20, 0, 0, DateTimeKind.Utc);
    private ObjectStore _store = null!;

    [SetUp]
    public void SetUp() => _store = new ObjectStore();

    private static MarketMakingState StateWith(double inventory) =>
        MarketMakingState.Flat(1).WithInventory(ImmutableArray.Create(inventory)).WithVolatility(ImmutableArray.Create(0.0002));

    private RestartStateKeeper Keeper() => new(new ObjectStoreStateSlots(_store, "mm-state/as"), new[] { Btc }, journalCapacity: 3);

    private static OrderEvent Fill(int orderId, int eventId, decimal quantity) => new()
    {
        OrderId = orderId, Id = eventId, Symbol = Btc, UtcTime = Now, Status = OrderStatus.Filled, FillPrice = 100m, FillQuantity = quantity,
    };

    [Test]
    public void SavesAlternateBetweenTwoKeysAndTheNewestIsRestored()
    {
        var keeper = Keeper();
        Assert.That(keeper.Restore().ColdStartReason, Is.EqualTo(ColdStartReason.Missing));
        Assert.That(keeper.Save(Now, StateWith(1), default, Enumerable.Empty<WorkingQuote>()), Is.True);
        Assert.That(keeper.Save(Now.AddSeconds(1), StateWith(2), default, Enumerable.Empty<WorkingQuote>()), Is.True);
        Assert.That(keeper.Save(Now.AddSeconds(2), StateWith(3), default, Enumerable.Empty<WorkingQuote>()), Is.True);
        Assert.That(_store.ObjectsForTests.Keys, Is.EquivalentTo(new[] { "mm-state/as.0", "mm-state/as.1" }));

        var restarted = Keeper();
        var result = restarted.Restore();
        Assert.That(result.Snapshot!.Sequence, Is.EqualTo(2));
        Assert.That(result.Snapshot.State.Inventory[0], Is.EqualTo(3.0));
        Assert.That(restarted.Slots.NextSequence, Is.EqualTo(3));

        // #0 went to .0, #1 to .1, #2 to .0: the next save must not overwrite the slot just restored
        var restoredBytes = _store.ObjectsForTests["mm-state/as.0"];
        Assert.That(MarketMakingStateSerializer.Restore(restoredBytes).Snapshot!.Sequence, Is.EqualTo(2));
        restarted.Save(Now.AddSeconds(3), StateWith(4), default, Enumerable.Empty<WorkingQuote>());
        Assert.That(_store.ObjectsForTests["mm-state/as.0"], Is.EqualTo(restoredBytes), "the restored slot is kept");
        Assert.That(MarketMakingStateSerializer.Restore(_store.ObjectsForTests["mm-state/as.1"]).Snapshot!.Sequence, Is.EqualTo(3));
    }

    [Test]
    public void ATornNewestSlotRestoresTheOtherAndTwoBadSlotsAreACorruptColdStart()
    {
        var keeper = Keeper();
        keeper.Restore();
        keeper.Save(Now, StateWith(1), default, Enumerable.Empty<WorkingQuote>());
        keeper.Save(Now.AddSeconds(1), StateWith(2), default, Enumerable.Empty<WorkingQuote>());
        var newest = _store.ObjectsForTests["mm-state/as.1"];
        _store.ObjectsForTests["mm-state/as.1"] = newest[..(newest.Length / 2)]; // a crash mid-write

        var result = Keeper().Restore();
        Assert.That(result.Snapshot!.Sequence, Is.EqualTo(0), "the older, intact slot");
        Assert.That(result.Snapshot.State.Inventory[0], Is.EqualTo(1.0));

        _store.ObjectsForTests["mm-state/as.0"] = "not a state"u8.ToArray();
        var cold = Keeper().Restore();
        Assert.That(cold.IsColdStart, Is.True);
        Assert.That(cold.ColdStartReason, Is.EqualTo(ColdStartReason.Corrupt));
        Assert.That(cold.Message, Does.StartWith("cold start (Corrupt)"));
    }

    [Test]
    public void AStateOfAnotherAssetCountIsAColdStart()
    {
        var slots = new ObjectStoreStateSlots(_store, "mm-state/as");
        slots.Restore();
        slots.Save(new MarketMakingStateSnapshot(0, Now, MarketMakingState.Flat(2)));
        var result = Keeper().Restore();
        Assert.That(result.ColdStartReason, Is.EqualTo(ColdStartReason.Corrupt));
        Assert.That(result.Message, Does.Contain("2 asset(s)"));
    }

    [Test]
    public void AFailedSaveIsCountedNotThrownAndTheSlotIsWrittenAtTheNextSave()
    {
        var keeper = Keeper();
        keeper.Restore();
        _store.FailSavesForTests = true;
        Assert.That(keeper.Save(Now, StateWith(1), default, Enumerable.Empty<WorkingQuote>()), Is.False);
        Assert.That((keeper.Slots.Saves, keeper.Slots.FailedSaves), Is.EqualTo((0, 1)));
        Assert.That(keeper.Slots.LastFailure, Does.Contain("mm-state/as.0"));
        _store.FailSavesForTests = false;
        Assert.That(keeper.Save(Now, StateWith(1), default, Enumerable.Empty<WorkingQuote>()), Is.True);
        Assert.That(_store.ObjectsForTests.Keys, Is.EqualTo(new[] { "mm-state/as.0" }));
    }

    [Test]
    public void EachFillIsJournalledOnceAndTheJournalContinuesAfterARestart()
    {
        var keeper = Keeper();
        keeper.Restore();
        Assert.That(keeper.RecordFill(Fill(1, 1, 0.5m), 0.01m), Is.True);
        Assert.That(keeper.RecordFill(Fill(1, 1, 0.5m), 0.01m), Is.False, "the same event twice");
        Assert.That(keeper.RecordFill(new OrderEvent { OrderId = 2, Id = 1, Symbol = Btc, Status = OrderStatus.Submitted }, 0m), Is.False, "not a fill");
        Assert.That(keeper.RecordFill(Fill(2, 2, -0.5m), 0m), Is.True);
        keeper.Save(Now, StateWith(0), default, Enumerable.Empty<WorkingQuote>());

        var restarted = Keeper();
        restarted.Restore();
        Assert.That(restarted.Journal.Records.Select(r => (r.OrderId, r.OrderEventId)), Is.EqualTo(new[] { (1L, 1), (2L, 2) }));
        Assert.That(restarted.RecordFill(Fill(2, 2, -0.5m), 0m), Is.False, "a fill LEAN reports again after the restart is not journalled twice");
        Assert.That(restarted.RecordFill(Fill(3, 1, 0.5m), 0m), Is.True);
        Assert.That(restarted.RecordFill(Fill(4, 1, 0.5m), 0m), Is.True);
        Assert.That((restarted.Journal.Records.Length, restarted.Journal.DroppedCount), Is.EqualTo((3, 1)), "bounded: the oldest dropped and counted");
    }

    [Test]
    public void TheBrokeragesHoldingsAreTheTruthAndTheDifferenceIsCounted()
    {
        var keeper = Keeper();
        keeper.Restore();
        Assert.That(keeper.Reconcile(0, 5m), Is.Zero, "nothing to compare after a cold start");
        keeper.Save(Now, StateWith(1.5), default, Enumerable.Empty<WorkingQuote>());

        var restarted = Keeper();
        restarted.Restore();
        Assert.That(restarted.Reconcile(0, -0.5m), Is.EqualTo(-2m), "held − saved");
        Assert.That((restarted.InventoryMismatches, restarted.InventoryDifference), Is.EqualTo((1, 2m)));
        Assert.That(restarted.Reconcile(0, 1.5m), Is.Zero, "equal holdings: no difference");
        Assert.That(restarted.InventoryMismatches, Is.EqualTo(1));
    }
}
