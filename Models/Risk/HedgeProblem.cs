using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// A validated hedging problem: N instruments with the covariance Σ of their per-unit P&amp;L over one period, the
/// positions x held, and the subset H of instruments that may be traded to hedge (liquid hedge instruments not held,
/// with xₖ = 0, or the group's own assets: cross-hedging). A hedge h (units of the instruments in H) leaves the
/// positions x + E·h, whose P&amp;L variance per period is V(h) = (x + Eh)ᵀΣ(x + Eh), E the N×|H| selection matrix.
/// </summary>
/// <remarks>
/// Units: positions in units of each instrument; Σᵢⱼ = sᵢsⱼ·Cov(rᵢ, rⱼ) in currency² per period (prices s, returns r), so
/// V is in currency². Σ_HH (the hedge instruments' block) must be positive definite: collinear hedge instruments have no
/// unique hedge.
/// </remarks>
public sealed class HedgeProblem
{
    private readonly double[,] _covariance;
    private readonly double[] _positions;
    private readonly int[] _hedges;

    /// <summary>Validates and copies the problem.</summary>
    /// <param name="covariance">Σ, N×N, symmetric positive semi-definite, currency² per period per unit².</param>
    /// <param name="positions">x, length N, units held (signed).</param>
    /// <param name="hedgeInstruments">Indices into the N instruments that may be traded; distinct, at least one.</param>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for mismatched sizes, non-finite entries, an asymmetric or indefinite Σ, or bad indices;
    /// CorrelationMatrixNotPositiveDefinite when Σ_HH is singular (collinear hedge instruments).
    /// </exception>
    public HedgeProblem(double[,] covariance, double[] positions, IReadOnlyList<int> hedgeInstruments)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(hedgeInstruments);
        var n = positions.Length;
        if (n == 0)
        {
            throw Guard.Invalid(nameof(positions), "must hold at least one instrument");
        }

        Guard.AllFinite(positions, nameof(positions));
        _positions = (double[])positions.Clone();
        _covariance = PositiveSemiDefinite.Require(covariance, n, nameof(covariance));
        if (hedgeInstruments.Count == 0)
        {
            throw Guard.Invalid(nameof(hedgeInstruments), "must name at least one hedge instrument");
        }

        _hedges = new int[hedgeInstruments.Count];
        var seen = new bool[n];
        for (var k = 0; k < _hedges.Length; k++)
        {
            var index = hedgeInstruments[k];
            if ((uint)index >= (uint)n || seen[index])
            {
                throw Guard.Invalid($"{nameof(hedgeInstruments)}[{k}]", $"must be a distinct instrument index in [0, {n - 1}], got {index}");
            }

            seen[index] = true;
            _hedges[k] = index;
        }

        var block = Matrix<double>.Build.Dense(_hedges.Length, _hedges.Length, (a, b) => _covariance[_hedges[a], _hedges[b]]);
        try
        {
            HedgeBlockCholesky = block.Cholesky();
        }
        catch (ArgumentException e)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite,
                "the hedge instruments' covariance block is singular (collinear or riskless hedge instruments)",
                nameof(hedgeInstruments),
                e);
        }
    }

    /// <summary>Number of instruments N.</summary>
    public int InstrumentCount => _positions.Length;

    /// <summary>Number of hedge instruments |H|.</summary>
    public int HedgeCount => _hedges.Length;

    /// <summary>x: the positions held, units.</summary>
    public ReadOnlySpan<double> Positions => _positions;

    /// <summary>H: the hedge instruments' indices.</summary>
    public ReadOnlySpan<int> HedgeInstruments => _hedges;

    /// <summary>Σᵢⱼ, currency² per period per unit².</summary>
    public double Covariance(int i, int j) => _covariance[i, j];

    /// <summary>V(h) = (x + Eh)ᵀΣ(x + Eh): P&amp;L variance per period after the hedge h (currency²).</summary>
    /// <param name="hedge">h, length |H|, units of each hedge instrument.</param>
    public double Variance(ReadOnlySpan<double> hedge)
    {
        if (hedge.Length != _hedges.Length)
        {
            throw Guard.Invalid(nameof(hedge), $"must have one quantity per hedge instrument ({_hedges.Length}), got {hedge.Length}");
        }

        var n = _positions.Length;
        Span<double> y = n <= 256 ? stackalloc double[n] : new double[n];
        _positions.CopyTo(y);
        for (var k = 0; k < _hedges.Length; k++)
        {
            y[_hedges[k]] += hedge[k];
        }

        var v = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                v += y[i] * _covariance[i, j] * y[j];
            }
        }

        return v;
    }

    /// <summary>Cholesky factor of Σ_HH (positive definite).</summary>
    internal MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> HedgeBlockCholesky { get; }

    /// <summary>(Σx)_H: the covariance of each hedge instrument with the positions' P&amp;L.</summary>
    internal double[] HedgeCovarianceWithPositions()
    {
        var g = new double[_hedges.Length];
        for (var k = 0; k < g.Length; k++)
        {
            var sum = 0.0;
            for (var j = 0; j < _positions.Length; j++)
            {
                sum += _covariance[_hedges[k], j] * _positions[j];
            }

            g[k] = sum;
        }

        return g;
    }
}
