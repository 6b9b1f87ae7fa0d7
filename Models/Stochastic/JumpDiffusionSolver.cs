using System;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>
/// Simulation of the jump-diffusion dX = a(t, X)dt + b(t, X)dW + dJ̃ with a compensated compound Poisson J̃
/// (<see cref="CompoundPoissonJumps"/>): each step applies the diffusion scheme and then adds the jumps that arrived in
/// the step minus the compensator λE[Y]dt (the regular Euler scheme with jumps of Platen &amp; Bruti-Liberati 2010, "Numerical solution of SDEs
/// with jumps in finance", with additive jumps). Allocation-free into the caller's buffer.
/// </summary>
public static class JumpDiffusionSolver
{
    /// <summary>Simulates path[k] = X(t₀ + k·dt) from X(t₀) = x₀ with increments drawn from <paramref name="random"/>.</summary>
    public static void Simulate<TSde>(
        TSde sde, CompoundPoissonJumps jumps, SdeScheme scheme, double x0, double t0, double dt, Random random, Span<double> path)
        where TSde : IScalarSde
    {
        ArgumentNullException.ThrowIfNull(jumps);
        ArgumentNullException.ThrowIfNull(random);
        ScalarSdeSolver.CheckGrid(scheme, x0, t0, dt, path.Length, path.Length);
        var sqrtDt = Math.Sqrt(dt);
        path[0] = x0;
        for (var k = 1; k < path.Length; k++)
        {
            var t = t0 + (k - 1) * dt;
            var x = ScalarSdeSolver.Step(sde, scheme, t, path[k - 1], dt, sqrtDt * Normal.Sample(random, 0, 1));
            path[k] = ScalarSdeSolver.RequireFinite(x + jumps.SampleCompensatedIncrement(random, dt), t + dt);
        }
    }
}
