using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// The least-cost hedge that brings the parametric VaR of the positions under a limit:
/// minimise C(h) = Σₖ cₖ(hₖ) subject to z_α·√h_T·√V(h) ≤ L, with cₖ(u) = bₖ|u| + (2/3)sₖ|u|^(3/2) (<see cref="HedgeCosts"/>:
/// linear costs and square-root impact) and V(h) = (x + Eh)ᵀΣ(x + Eh) (<see cref="HedgeProblem"/>).
/// </summary>
/// <remarks>
/// <para>Formulation: C is convex (a sum of convex functions of one variable) and the constraint is the convex quadratic
/// V(h) ≤ V_L = (L/(z√h_T))², so the problem is convex; Slater's condition holds when the minimum-variance hedge is
/// strictly feasible, so the KKT conditions characterise the optimum (Boyd &amp; Vandenberghe 2004, <i>Convex
/// Optimization</i>, §5.5.3): h* minimises C(h) + (μ/2)·V(h) for a multiplier μ ≥ 0 with V(h*) = V_L (or μ = 0 and h* = 0
/// when the positions are already within the limit).</para>
/// <para>Method: (1) if V(0) ≤ V_L, h = 0. (2) If the minimum-variance hedge (<see cref="MinimumVarianceHedge"/>) still has
/// V &gt; V_L, no hedge meets the limit: it is returned (the least VaR reachable) with <see cref="HedgeResult.MeetsLimit"/>
/// false. (3) Otherwise, for a given μ &gt; 0, h(μ) = argmin C(h) + (μ/2)V(h) is unique (Σ_HH positive definite makes it
/// strictly convex) and is found by cyclic coordinate minimisation, which converges for a smooth convex function plus a
/// separable convex one (Tseng 2001, "Convergence of a block coordinate descent method for nondifferentiable
/// minimization", J. Optim. Theory Appl. 109, Theorem 4.1). Each coordinate step is exact and in closed form: with the
/// other coordinates fixed, (μ/2)V = (μ/2)(Σₖₖu² + 2gu) + const, g = (Σ(x + Eh))ₖ without hₖ; u = 0 if μ|g| ≤ bₖ, otherwise
/// u = −sign(g)·t² with t the positive root of μΣₖₖt² + sₖt − (μ|g| − bₖ) = 0. V(h(μ)) is non-increasing in μ (a standard
/// property of penalty paths), so μ is found by bisection (geometric, after doubling to a bracket) to V(h(μ)) = V_L;
/// the feasible end of the bracket is returned. Tolerances: coordinate sweeps stop when no hₖ moves by more than
/// 1e-12·√(V(0)/Σₖₖ); the bisection stops when V_L·(1 − 1e-9) ≤ V(h) ≤ V_L.</para>
/// <para>The parametric VaR is z_α·√V·√h_T (<see cref="NormalValueAtRisk.FromVariance"/>: normal, zero-mean P&amp;L,
/// square-root of time).</para>
/// </remarks>
public static class VarLimitedHedge
{
    private const int MaxSweeps = 100_000;
    private const int MaxBisections = 200;

    /// <summary>Computes the least-cost hedge meeting the VaR limit.</summary>
    /// <param name="problem">Positions, covariance per period and hedge instruments.</param>
    /// <param name="costs">Costs, one per hedge instrument.</param>
    /// <param name="valueAtRiskLimit">L &gt; 0, currency.</param>
    /// <param name="parameters">Confidence α in (0.5, 1), e.g. 0.99, and horizon h_T in periods of Σ.</param>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for bad inputs; ModelConvergenceFailed if the coordinate sweeps or the bisection do not converge.
    /// </exception>
    public static HedgeResult Compute(HedgeProblem problem, HedgeCosts costs, double valueAtRiskLimit, ValueAtRiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(parameters);
        if (costs.Count != problem.HedgeCount)
        {
            throw Guard.Invalid(nameof(costs), $"must have one entry per hedge instrument ({problem.HedgeCount}), got {costs.Count}");
        }

        Guard.Positive(valueAtRiskLimit, nameof(valueAtRiskLimit));
        if (!(parameters.Confidence > 0.5))
        {
            throw Guard.Invalid("confidence", $"must be in (0.5, 1), got {parameters.Confidence}");
        }

        var limit = NormalValueAtRisk.VarianceLimit(valueAtRiskLimit, parameters);
        var m = problem.HedgeCount;
        var before = problem.Variance(new double[m]);
        HedgeResult Result(double[] h, bool meets) => new(
            h, before, problem.Variance(h), costs.Cost(h),
            NormalValueAtRisk.FromVariance(before, parameters), NormalValueAtRisk.FromVariance(problem.Variance(h), parameters), meets);

        if (before <= limit)
        {
            return Result(new double[m], meets: true);
        }

        var minimumVariance = MinimumVarianceHedge.Solve(problem);
        if (problem.Variance(minimumVariance) >= limit)
        {
            return Result(minimumVariance, meets: false);
        }

        var solver = new PenaltyPath(problem, costs, before);
        var high = 1e-6 / Math.Sqrt(before);
        var hedge = solver.Minimise(high);
        for (var doubling = 0; problem.Variance(hedge) > limit; doubling++)
        {
            if (doubling > 2000)
            {
                throw new MarketMakingException(MarketMakingErrorKind.ModelConvergenceFailed, "no multiplier bracket found", nameof(valueAtRiskLimit));
            }

            high *= 4;
            hedge = solver.Minimise(high);
        }

        var low = high / 4;
        var feasible = (double[])hedge.Clone();
        for (var bisection = 0; bisection < MaxBisections && problem.Variance(feasible) < limit * (1 - 1e-9); bisection++)
        {
            var middle = Math.Sqrt(low * high);
            if (!(middle > low && middle < high))
            {
                break;
            }

            hedge = solver.Minimise(middle);
            if (problem.Variance(hedge) > limit)
            {
                low = middle;
            }
            else
            {
                high = middle;
                hedge.CopyTo(feasible, 0);
            }
        }

        return Result(feasible, meets: true);
    }

    /// <summary>h(μ) = argmin C(h) + (μ/2)V(h) by exact cyclic coordinate minimisation, warm-started from the last μ.</summary>
    private sealed class PenaltyPath
    {
        private readonly HedgeProblem _problem;
        private readonly HedgeCosts _costs;
        private readonly double[] _hedge;
        private readonly double[] _exposure;
        private readonly double[] _tolerance;

        public PenaltyPath(HedgeProblem problem, HedgeCosts costs, double varianceBefore)
        {
            _problem = problem;
            _costs = costs;
            _hedge = new double[problem.HedgeCount];
            _exposure = new double[problem.InstrumentCount];
            _tolerance = new double[problem.HedgeCount];
            for (var k = 0; k < _tolerance.Length; k++)
            {
                var index = problem.HedgeInstruments[k];
                _tolerance[k] = 1e-12 * Math.Sqrt(varianceBefore / problem.Covariance(index, index));
            }
        }

        public double[] Minimise(double mu)
        {
            var hedges = _problem.HedgeInstruments;
            var n = _problem.InstrumentCount;
            for (var sweep = 0; sweep < MaxSweeps; sweep++)
            {
                // y = x + Eh, recomputed each sweep to keep rounding from accumulating
                _problem.Positions.CopyTo(_exposure);
                for (var k = 0; k < _hedge.Length; k++)
                {
                    _exposure[hedges[k]] += _hedge[k];
                }

                var converged = true;
                for (var k = 0; k < _hedge.Length; k++)
                {
                    var index = hedges[k];
                    var diagonal = _problem.Covariance(index, index);
                    var g = 0.0;
                    for (var j = 0; j < n; j++)
                    {
                        g += _problem.Covariance(index, j) * _exposure[j];
                    }

                    g -= diagonal * _hedge[k];
                    var excess = (mu * Math.Abs(g)) - _costs.LinearCostPerUnit(k);
                    var updated = 0.0;
                    if (excess > 0)
                    {
                        var s = _costs.ImpactScale(k);
                        var t = 2 * excess / (s + Math.Sqrt((s * s) + (4 * mu * diagonal * excess)));
                        updated = -Math.Sign(g) * t * t;
                    }

                    var change = updated - _hedge[k];
                    if (Math.Abs(change) > _tolerance[k])
                    {
                        converged = false;
                    }

                    _hedge[k] = updated;
                    _exposure[index] += change;
                }

                if (converged)
                {
                    return (double[])_hedge.Clone();
                }
            }

            throw new MarketMakingException(
                MarketMakingErrorKind.ModelConvergenceFailed, $"coordinate minimisation did not converge in {MaxSweeps} sweeps", "problem");
        }
    }
}
