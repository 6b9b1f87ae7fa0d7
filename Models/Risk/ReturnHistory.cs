using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// An immutable, validated history of simple returns rₜᵢ = pₜᵢ/pₜ₋₁ᵢ − 1 of n assets over T equally long periods
/// (row t holds the n returns of period t, oldest first): the scenario set of the value-at-risk methods. A period's
/// P&amp;L of exposures eᵢ = qᵢ·pᵢ (currency) is Σᵢ eᵢ·rₜᵢ. Every return is finite and &gt; −1 (a return of −1 or less
/// would be a non-positive price). Holds its own row-major copy of the data.
/// </summary>
public sealed class ReturnHistory
{
    private readonly double[] _returns;

    /// <summary>Validates and copies <paramref name="returns"/>: one array of n returns per period.</summary>
    /// <param name="returns">T ≥ 1 rows of the same length n ≥ 1.</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the first bad row or entry.</exception>
    public ReturnHistory(double[][] returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Length == 0 || returns[0] is null || returns[0].Length == 0)
        {
            throw Guard.Invalid(nameof(returns), "must hold at least one period of at least one asset");
        }

        Periods = returns.Length;
        Assets = returns[0].Length;
        _returns = new double[Periods * Assets];
        for (var t = 0; t < Periods; t++)
        {
            var row = returns[t];
            if (row is null || row.Length != Assets)
            {
                throw Guard.Invalid($"{nameof(returns)}[{t}]", $"must hold one return per asset ({Assets}), got {row?.Length ?? 0}");
            }

            for (var i = 0; i < Assets; i++)
            {
                _returns[(t * Assets) + i] = Check(row[i], t, i);
            }
        }
    }

    /// <summary>Validates and copies a T × n matrix of returns (row = period).</summary>
    /// <exception cref="MarketMakingException">InvalidParameters naming the first bad entry or an empty matrix.</exception>
    public ReturnHistory(double[,] returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Periods = returns.GetLength(0);
        Assets = returns.GetLength(1);
        if (Periods == 0 || Assets == 0)
        {
            throw Guard.Invalid(nameof(returns), "must hold at least one period of at least one asset");
        }

        _returns = new double[Periods * Assets];
        for (var t = 0; t < Periods; t++)
        {
            for (var i = 0; i < Assets; i++)
            {
                _returns[(t * Assets) + i] = Check(returns[t, i], t, i);
            }
        }
    }

    /// <summary>Number of periods T.</summary>
    public int Periods { get; }

    /// <summary>Number of assets n.</summary>
    public int Assets { get; }

    /// <summary>The return of asset <paramref name="asset"/> over period <paramref name="period"/>.</summary>
    public double this[int period, int asset] =>
        (uint)period < (uint)Periods && (uint)asset < (uint)Assets
            ? _returns[(period * Assets) + asset]
            : throw Guard.Invalid(nameof(period), $"({period}, {asset}) is outside the {Periods} x {Assets} history");

    /// <summary>All returns, row-major (period t, asset i at t·n + i).</summary>
    internal ReadOnlySpan<double> Values => _returns;

    /// <summary>The n returns of period <paramref name="period"/>.</summary>
    internal ReadOnlySpan<double> Row(int period) => _returns.AsSpan(period * Assets, Assets);

    /// <summary>
    /// The weighted second-moment matrix Σ = Σₜ wₜ·rₜrₜᵀ (covariance per period with the mean return taken as zero, as
    /// RiskMetrics does, J.P. Morgan/Reuters 1996, Technical Document §5.2.1), with the weights of
    /// <see cref="ScenarioWeights.Fill"/> for <paramref name="decay"/> (1 = equal weights).
    /// </summary>
    /// <param name="decay">λ ∈ (0, 1]: the weight of a period relative to the next one.</param>
    /// <returns>A new n × n row-major array.</returns>
    public double[] Covariance(double decay)
    {
        var weights = new double[Periods];
        ScenarioWeights.Fill(weights, decay);
        var n = Assets;
        var sigma = new double[n * n];
        for (var t = 0; t < Periods; t++)
        {
            var row = Row(t);
            var w = weights[t];
            for (var i = 0; i < n; i++)
            {
                var wr = w * row[i];
                for (var j = 0; j <= i; j++)
                {
                    sigma[(i * n) + j] += wr * row[j];
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                sigma[(j * n) + i] = sigma[(i * n) + j];
            }
        }

        return sigma;
    }

    /// <summary>Requires <paramref name="exposures"/> to hold one finite exposure per asset.</summary>
    internal void CheckExposures(ReadOnlySpan<double> exposures, string name)
    {
        if (exposures.Length != Assets)
        {
            throw Guard.Invalid(name, $"must hold one exposure per asset ({Assets}), got {exposures.Length}");
        }

        Guard.AllFinite(exposures, name);
    }

    private static double Check(double value, int period, int asset)
    {
        if (!double.IsFinite(value) || value <= -1)
        {
            throw Guard.Invalid($"returns[{period}][{asset}]", $"must be a finite simple return > -1, got {value}");
        }

        return value;
    }
}
