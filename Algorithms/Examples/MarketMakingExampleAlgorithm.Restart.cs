using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Lean.MarketMaking.Algorithms.State;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.State;
using QuantConnect.Orders;

namespace Lean.MarketMaking.Algorithms.Examples;

// Restart-safe state and warm-up of the examples (issue 11 §2): the glue between the examples' models and the
// RestartStateKeeper component; the rest of the example base is in MarketMakingExampleAlgorithm.cs.
public abstract partial class MarketMakingExampleAlgorithm
{
    private RestartStateKeeper? _restart;
    private bool _resumed;

    /// <summary>The restart state, or null when <c>state</c> is off (see <see cref="InstallRestartState"/>).</summary>
    protected RestartStateKeeper? Restart => _restart;

    /// <summary>
    /// Warm-up and restart state, from the parameters: <c>warm-up-minutes</c> (default 0) &gt; 0 calls LEAN's
    /// <c>SetWarmUp</c>, during which the estimators see the history and nothing is quoted; <c>state</c> = auto
    /// (default: on in live mode only), true or false saves the state (<see cref="RestartStateKeeper"/>) to LEAN's
    /// ObjectStore under <c>state-key</c> (default <c>mm-state/&lt;prefix&gt;</c>, two alternating slots) every
    /// <c>state-save-seconds</c> (default 60, a LEAN scheduled event) and after every fill, with a journal of the last
    /// <c>state-journal-capacity</c> fills (default 1,000).
    /// </summary>
    private void InstallRestartState()
    {
        var warmUpMinutes = Parameter("warm-up-minutes", 0.0);
        if (warmUpMinutes > 0)
        {
            SetWarmUp(TimeSpan.FromMinutes(warmUpMinutes));
        }

        var mode = Parameter("state", "auto");
        if (!(mode == "true" || (mode == "auto" && LiveMode)))
        {
            return;
        }

        _restart = new RestartStateKeeper(
            new ObjectStoreStateSlots(ObjectStore, Parameter("state-key", $"mm-state/{ParameterPrefix}")),
            _quoted.Select(q => q.Security.Symbol).ToArray(),
            Parameter("state-journal-capacity", 1000));
        Schedule.On(Schedule.DateRules.EveryDay(), Schedule.TimeRules.Every(TimeSpan.FromSeconds(Parameter("state-save-seconds", 60.0))), () => SaveState());
    }

    /// <summary>
    /// Reads the saved state (one log line: what was restored, or the cold start and why) and hands a restored snapshot
    /// to <see cref="RestoreState"/>; a snapshot the example's models cannot take is logged and they start cold. Call at
    /// the end of <c>Initialize</c>, once the models and estimators exist (an example that does not is restored at its
    /// first step after the warm-up, with nothing of its models). Holdings and open orders are reconciled at that step
    /// (LEAN loads the brokerage's holdings and orders after <c>Initialize</c>). Nothing is saved before the restore.
    /// </summary>
    protected void ResumeFromSavedState()
    {
        if (_restart is null || _restart.RestoreResult is not null)
        {
            return;
        }

        var result = _restart.Restore();
        Log($"Restart state '{_restart.Slots.Key}': {result.Message}");
        if (result.Snapshot is not { } snapshot)
        {
            return;
        }

        try
        {
            RestoreState(snapshot);
        }
        catch (MarketMakingException e)
        {
            Log($"Restart state: the saved estimator state does not fit this algorithm's settings ({e.Message}); they start cold");
        }
    }

    /// <summary>Restores the example's models and estimators from <paramref name="snapshot"/>; the default restores nothing.</summary>
    protected virtual void RestoreState(MarketMakingStateSnapshot snapshot)
    {
    }

    /// <summary>The example's part of the saved state: <paramref name="state"/> (inventory filled in) with its calibrated values added; the default adds nothing.</summary>
    protected virtual MarketMakingState DescribeState(MarketMakingState state) => state;

    /// <summary>The running sums of asset <paramref name="asset"/>'s online estimators to save, or null (the default).</summary>
    protected virtual AssetEstimatorStates? SaveEstimators(int asset) => null;

    /// <summary>
    /// At the first step after the warm-up: the saved inventory is compared with the brokerage's holdings (the holdings
    /// are the truth and the model quotes from them; a difference is logged and counted) and the open orders LEAN
    /// reports are adopted or cancelled (<see cref="Execution.MarketMakingExecutionModel.AdoptOpenOrders"/>).
    /// </summary>
    private void StepRestartState()
    {
        if (_restart is null || _resumed || IsWarmingUp)
        {
            return;
        }

        _resumed = true;
        ResumeFromSavedState();
        for (var i = 0; i < _quoted.Count; i++)
        {
            var holdings = _quoted[i].Security.Holdings.Quantity;
            var difference = _restart.Reconcile(i, holdings);
            if (difference != 0)
            {
                Log(string.Create(CultureInfo.InvariantCulture,
                    $"Restart state: {_quoted[i].Security.Symbol} inventory {holdings - difference} in the saved state, {holdings} held at the brokerage (difference {difference}); quoting from the holdings"));
            }
        }

        _execution?.AdoptOpenOrders(this);
        SaveState();
    }

    /// <summary>Journals a fill and saves the state at once.</summary>
    private void RecordFillInState(OrderEvent fill, decimal fee)
    {
        if (_restart is not null && _restart.RecordFill(fill, fee))
        {
            SaveState();
        }
    }

    /// <summary>
    /// Saves the state (not during the warm-up): holdings, the example's calibrated values and estimator sums, the working
    /// quotes and the journal. A failure is logged (the first and then every 100th), never thrown.
    /// </summary>
    private void SaveState()
    {
        if (_restart?.RestoreResult is null || IsWarmingUp)
        {
            return;
        }

        bool saved;
        try
        {
            var n = _quoted.Count;
            var state = DescribeState(MarketMakingState.Flat(n).WithInventory(_quoted.Select(q => (double)q.Security.Holdings.Quantity).ToImmutableArray()));
            saved = _restart.Save(UtcTime, state, Enumerable.Range(0, n).Select(SaveEstimators).ToImmutableArray(), WorkingQuotes());
        }
        catch (MarketMakingException e)
        {
            Log($"Restart state: not saved: {e.Message}");
            return;
        }

        if (!saved && _restart.Slots.FailedSaves % 100 == 1)
        {
            Log($"Restart state: save failed ({_restart.Slots.FailedSaves} so far): {_restart.Slots.LastFailure}");
        }
    }

    private IEnumerable<WorkingQuote> WorkingQuotes()
    {
        for (var i = 0; i < _quoted.Count; i++)
        {
            foreach (var buy in new[] { true, false })
            {
                if (_execution?.WorkingQuote(_quoted[i].Security.Symbol, buy) is { Remaining: > 0, LimitPrice: > 0 } order)
                {
                    yield return new WorkingQuote(i, buy ? QuoteSide.Bid : QuoteSide.Ask, order.OrderId, (double)order.LimitPrice, (double)order.Remaining);
                }
            }
        }
    }
}
