using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The evaluation of arXiv:2507.05749: runs an <see cref="AnchorSelector"/> over a time-ordered stream of updates in
/// fixed decision windows (each decided from the updates before it), lets the <see cref="SlippageOracle"/> pick in
/// hindsight the contract that moved least in each window, and scores each rule's raw picks and voted anchors against
/// it (<see cref="AgreementScore"/>).
/// </summary>
public static class AnchorEvaluation
{
    /// <summary>Runs the evaluation.</summary>
    /// <param name="updates">Updates in non-decreasing time.</param>
    /// <param name="selector">A fresh selector.</param>
    /// <param name="decisions">When not null, receives every window's decision and the oracle's pick.</param>
    /// <param name="oracle">The oracle; default <see cref="SlippageOracle"/>.</param>
    /// <exception cref="MarketMakingException">InvalidMarketData for an out-of-order or non-finite time.</exception>
    public static AnchorEvaluationResult Run(
        IEnumerable<ContractUpdate> updates,
        AnchorSelector selector,
        ICollection<(AnchorDecision Decision, int Oracle)>? decisions = null,
        SlippageOracle? oracle = null)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(selector);
        var n = selector.Contracts;
        oracle ??= new SlippageOracle(n);
        var result = new AnchorEvaluationResult(n);
        var window = selector.Settings.DecisionWindowSeconds;
        var origin = double.NaN;
        long index = 0;
        AnchorDecision? current = null;
        var last = double.NegativeInfinity;
        foreach (var update in updates)
        {
            var t = update.TimeSeconds;
            if (!double.IsFinite(t) || t < last)
            {
                throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"update time {t} is not finite or is before {last}", nameof(updates));
            }

            last = t;
            if (double.IsNaN(origin))
            {
                origin = Math.Floor(t / window) * window;
                index = 1;
            }

            while (t >= origin + (index * window))
            {
                var pick = oracle.CloseWindow();
                if (current is { } decided)
                {
                    result.Score(decided, pick);
                    decisions?.Add((decided, pick));
                }

                current = selector.Decide(origin + (index * window));
                index++;
            }

            selector.OnUpdate(update);
            if (!update.IsTrade && update.Book.IsValid)
            {
                oracle.OnMid(update.Contract, update.Book.Mid);
            }
        }

        return result;
    }
}
