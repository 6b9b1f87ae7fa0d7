using System;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Minimum-variance hedge ratios of a position vector against hedge instruments (Ederington 1979, "The hedging
/// performance of the new futures markets", J. Finance 34, h* = −Cov/Var, in its multivariate form; Hull, <i>Options,
/// Futures and Other Derivatives</i>, §3.4 for cross-hedging): minimising V(h) = (x + Eh)ᵀΣ(x + Eh) over h gives the normal
/// equations Σ_HH·h = −(Σx)_H, so h* = −Σ_HH⁻¹(Σx)_H (for hedge instruments not held, the textbook −Σ_HH⁻¹Σ_HI·q). The
/// residual variance is V(h*) = V(0) − (Σx)_Hᵀ Σ_HH⁻¹ (Σx)_H ≤ V(0): the hedge never increases the variance.
/// </summary>
public static class MinimumVarianceHedge
{
    /// <summary>Solves Σ_HH·h = −(Σx)_H with the Cholesky factor of Σ_HH.</summary>
    /// <param name="problem">The validated problem.</param>
    public static HedgeResult Compute(HedgeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var quantities = Solve(problem);
        return new HedgeResult(quantities, problem.Variance(new double[problem.HedgeCount]), problem.Variance(quantities), 0.0);
    }

    /// <summary>h* = −Σ_HH⁻¹(Σx)_H.</summary>
    internal static double[] Solve(HedgeProblem problem)
    {
        var g = Vector<double>.Build.DenseOfArray(problem.HedgeCovarianceWithPositions());
        return problem.HedgeBlockCholesky.Solve(g).Negate().ToArray();
    }
}
