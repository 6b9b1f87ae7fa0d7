using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Regimes;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// The library of named stress scenarios (<see cref="StressScenario"/>), sized from the estimates that exist: mid-price
/// jumps from the jump summaries (<see cref="JumpSummary"/>, Lee–Mykland detections), the worst regime from a fitted
/// Gaussian HMM (<see cref="HiddenMarkovModelParameters"/>), impact through the square-root law of
/// <see cref="StressMarket"/>.
/// </summary>
public static class StressScenarios
{
    /// <summary>
    /// "jump up k": every mid jumps up by k mean up-jump sizes of its asset (for the exponential jump-size law of the
    /// estimates the mean is also the standard deviation, so k jump σ); a summary in log-returns is converted at the mid,
    /// mid·(e^(k·E[J⁺]) − 1).
    /// </summary>
    /// <param name="jumps">One jump summary per asset, with at least one up jump each.</param>
    /// <param name="mids">The mids, price units (for log-return summaries).</param>
    /// <param name="k">Number of mean jump sizes (&gt; 0).</param>
    public static StressScenario JumpUp(IReadOnlyList<JumpSummary> jumps, ReadOnlySpan<double> mids, double k) =>
        new($"jump up {k}", JumpMoves(jumps, mids, k, up: true));

    /// <summary>"jump down k": every mid jumps down by k mean down-jump sizes (see <see cref="JumpUp"/>).</summary>
    public static StressScenario JumpDown(IReadOnlyList<JumpSummary> jumps, ReadOnlySpan<double> mids, double k) =>
        new($"jump down {k}", JumpMoves(jumps, mids, k, up: false));

    /// <summary>"volatility × m": every σ times <paramref name="multiplier"/> (the quoting model and the impact see it).</summary>
    public static StressScenario VolatilityTimes(double multiplier) =>
        new($"volatility x {multiplier}", volatilityMultiplier: multiplier);

    /// <summary>
    /// "correlations to +1": every correlation to +1 and a joint move of <paramref name="sigmas"/> σ over
    /// <paramref name="horizonSeconds"/> in the direction that loses (<see cref="StressCorrelationShock.AllToOne"/>).
    /// </summary>
    public static StressScenario CorrelationsToOne(double sigmas, double horizonSeconds) =>
        new($"correlations to +1 ({sigmas} sigma, {horizonSeconds} s)", correlationShock: StressCorrelationShock.AllToOne, sigmas: sigmas, horizonSeconds: horizonSeconds);

    /// <summary>
    /// "correlations to ±1 against the book": every pair to ±1 so that each asset moves <paramref name="sigmas"/> σ over
    /// <paramref name="horizonSeconds"/> against its position (<see cref="StressCorrelationShock.AgainstTheBook"/>): the breakdown of hedges.
    /// </summary>
    public static StressScenario CorrelationsAgainstTheBook(double sigmas, double horizonSeconds) =>
        new($"correlations to -1/+1 against the book ({sigmas} sigma, {horizonSeconds} s)", correlationShock: StressCorrelationShock.AgainstTheBook,
            sigmas: sigmas, horizonSeconds: horizonSeconds);

    /// <summary>
    /// "liquidity dry-up": trading intensity A × <paramref name="intensityScale"/> and its decay k ×
    /// <paramref name="intensityDecayScale"/>, market half-spreads × <paramref name="spreadMultiplier"/>, square-root
    /// impact × <paramref name="impactMultiplier"/>.
    /// </summary>
    public static StressScenario LiquidityDryUp(double intensityScale = 0.25, double intensityDecayScale = 0.5, double spreadMultiplier = 3,
        double impactMultiplier = 3) =>
        new("liquidity dry-up", intensityScale: intensityScale, intensityDecayScale: intensityDecayScale, spreadMultiplier: spreadMultiplier,
            impactMultiplier: impactMultiplier);

    /// <summary>
    /// "worst regime": the volatilities (and, for a multivariate model, the correlations) of the HMM state with the
    /// largest total return variance (trace of its emission covariance); its emissions are returns over
    /// <paramref name="observationSeconds"/>, so σᵢ becomes midᵢ·volᵢ/√Δt. The model's dimension must be the book's.
    /// </summary>
    public static StressScenario WorstRegime(HiddenMarkovModelParameters regimes, double observationSeconds)
    {
        ArgumentNullException.ThrowIfNull(regimes);
        Guard.Positive(observationSeconds, nameof(observationSeconds));
        var worst = 0;
        var worstVariance = double.NegativeInfinity;
        for (var s = 0; s < regimes.StateCount; s++)
        {
            var variance = 0.0;
            for (var i = 0; i < regimes.Dimension; i++)
            {
                variance += regimes.Emissions[s].Covariance(i, i);
            }

            if (variance > worstVariance)
            {
                (worst, worstVariance) = (s, variance);
            }
        }

        var emission = regimes.Emissions[worst];
        var volatility = new double[emission.Dimension];
        for (var i = 0; i < volatility.Length; i++)
        {
            volatility[i] = emission.Volatility(i) / Math.Sqrt(observationSeconds);
        }

        double[,]? correlation = null;
        if (emission.Dimension > 1)
        {
            var matrix = emission.Correlation();
            correlation = new double[emission.Dimension, emission.Dimension];
            for (var i = 0; i < emission.Dimension; i++)
            {
                for (var j = 0; j < emission.Dimension; j++)
                {
                    correlation[i, j] = matrix[i, j];
                }
            }
        }

        return new StressScenario($"worst regime (state {worst})", returnVolatility: volatility, correlation: correlation);
    }

    private static double[] JumpMoves(IReadOnlyList<JumpSummary> jumps, ReadOnlySpan<double> mids, double k, bool up)
    {
        ArgumentNullException.ThrowIfNull(jumps);
        Guard.Positive(k, nameof(k));
        if (jumps.Count != mids.Length)
        {
            throw Guard.Invalid(nameof(jumps), $"must have one summary per mid ({mids.Length}), got {jumps.Count}");
        }

        var moves = new double[jumps.Count];
        for (var i = 0; i < moves.Length; i++)
        {
            var side = up ? jumps[i].Up : jumps[i].Down;
            if (side.MeanSize is not { } size)
            {
                throw Guard.Invalid(nameof(jumps), $"asset {i} has no {(up ? "up" : "down")} jump to size the shock from");
            }

            var magnitude = jumps[i].Units == JumpSizeUnit.Price ? k * size : mids[i] * (Math.Exp(k * size) - 1);
            moves[i] = up ? magnitude : -magnitude;
        }

        return moves;
    }
}
