using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Volatility;

namespace Lean.MarketMaking.Models.State;

/// <summary>
/// What is saved so a restart resumes where the market maker stopped: the <see cref="MarketMakingState"/> (inventory, σ,
/// correlation, regime probabilities, order-flow Hawkes and jump parameters, risk figures), the calibrated fill intensity
/// A/k per side of each asset, the working-quote map (at most one quote per asset and side) and the bounded
/// <see cref="FillJournal"/>, and optionally the online estimators' running sums (<see cref="Estimators"/>,
/// <see cref="Covariance"/>). <see cref="Sequence"/> increases with every save, so of two readable saves the newer wins.
/// Written and read by <see cref="MarketMakingStateSerializer"/>.
/// </summary>
public sealed record MarketMakingStateSnapshot
{
    /// <summary>Creates a validated snapshot.</summary>
    /// <param name="sequence">Save counter (≥ 0), increasing with every save.</param>
    /// <param name="savedAtUtc">When the snapshot was taken, UTC.</param>
    /// <param name="state">The market maker's state.</param>
    /// <param name="intensity">Per asset, the calibrated A/k per side, or null; empty = none for any asset.</param>
    /// <param name="workingQuotes">The resting quotes; at most one per asset and side, each asset index inside <paramref name="state"/>.</param>
    /// <param name="journal">The recent fills; null = an empty journal of the default capacity.</param>
    /// <param name="estimators">Per asset, the online estimators' running sums, or null; empty = none for any asset.</param>
    /// <param name="covariance">The running sums of a joint EWMA covariance of all n assets (dimension n), or null.</param>
    public MarketMakingStateSnapshot(
        long sequence,
        DateTime savedAtUtc,
        MarketMakingState state,
        ImmutableArray<IntensityCalibration?> intensity = default,
        IEnumerable<WorkingQuote>? workingQuotes = null,
        FillJournal? journal = null,
        ImmutableArray<AssetEstimatorStates?> estimators = default,
        EwmaCovarianceState? covariance = null)
    {
        Sequence = sequence >= 0 ? sequence : throw Guard.Invalid(nameof(sequence), $"must be >= 0, got {sequence}");
        SavedAtUtc = DateTime.SpecifyKind(savedAtUtc, DateTimeKind.Utc);
        State = state ?? throw Guard.Invalid(nameof(state), "must not be null");
        var n = state.AssetCount;
        if (intensity.IsDefaultOrEmpty)
        {
            intensity = ImmutableArray.Create(new IntensityCalibration?[n]);
        }
        else if (intensity.Length != n)
        {
            throw Guard.Invalid(nameof(intensity), $"must have {n} entries (one per asset), got {intensity.Length}");
        }

        var quotes = workingQuotes is null ? ImmutableArray<WorkingQuote>.Empty : workingQuotes.ToImmutableArray();
        var seen = new HashSet<(int, QuoteSide)>();
        for (var i = 0; i < quotes.Length; i++)
        {
            var quote = quotes[i] ?? throw Guard.Invalid($"{nameof(workingQuotes)}[{i}]", "must not be null");
            if (quote.Asset >= n)
            {
                throw Guard.Invalid($"{nameof(workingQuotes)}[{i}]", $"asset {quote.Asset} is outside [0, {n})");
            }

            if (!seen.Add((quote.Asset, quote.Side)))
            {
                throw Guard.Invalid($"{nameof(workingQuotes)}[{i}]", $"a second {quote.Side} quote for asset {quote.Asset}");
            }
        }

        journal ??= new FillJournal();
        foreach (var fill in journal.Records)
        {
            if (fill.Asset >= n)
            {
                throw Guard.Invalid(nameof(journal), $"fill of order {fill.OrderId} names asset {fill.Asset}, outside [0, {n})");
            }
        }

        if (estimators.IsDefaultOrEmpty)
        {
            estimators = ImmutableArray.Create(new AssetEstimatorStates?[n]);
        }
        else if (estimators.Length != n)
        {
            throw Guard.Invalid(nameof(estimators), $"must have {n} entries (one per asset), got {estimators.Length}");
        }

        for (var i = 0; i < n; i++)
        {
            if (estimators[i]?.Volatility is { Dimension: not 1 } volatility)
            {
                throw Guard.Invalid($"{nameof(estimators)}[{i}]", $"the volatility state must be one asset's, got dimension {volatility.Dimension}");
            }
        }

        if (covariance is not null && covariance.Dimension != n)
        {
            throw Guard.Invalid(nameof(covariance), $"must have dimension {n}, got {covariance.Dimension}");
        }

        Intensity = intensity;
        Estimators = estimators;
        Covariance = covariance;
        WorkingQuotes = quotes;
        Journal = journal;
    }

    /// <summary>Save counter, increasing with every save.</summary>
    public long Sequence { get; }

    /// <summary>When the snapshot was taken, UTC.</summary>
    public DateTime SavedAtUtc { get; }

    /// <summary>The market maker's state.</summary>
    public MarketMakingState State { get; }

    /// <summary>Per asset, the calibrated fill intensity A/k per side, or null when not calibrated.</summary>
    public ImmutableArray<IntensityCalibration?> Intensity { get; }

    /// <summary>Per asset, the online estimators' running sums, or null when none was saved.</summary>
    public ImmutableArray<AssetEstimatorStates?> Estimators { get; }

    /// <summary>The running sums of a joint EWMA covariance of all assets, or null.</summary>
    public EwmaCovarianceState? Covariance { get; }

    /// <summary>The resting quotes, at most one per asset and side.</summary>
    public ImmutableArray<WorkingQuote> WorkingQuotes { get; }

    /// <summary>The recent fills (bounded).</summary>
    public FillJournal Journal { get; }
}
