using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>
/// Euler–Maruyama and Milstein integration of a scalar SDE <see cref="IScalarSde"/> on a uniform grid, writing into
/// caller buffers without allocating. <see cref="Solve{TSde}"/> takes the Brownian increments (so one Brownian path can
/// be replayed at several step sizes, as in strong-convergence studies); <see cref="Simulate{TSde}"/> draws them from
/// a seeded <see cref="Random"/>.
/// </summary>
public static class ScalarSdeSolver
{
    /// <summary>One step of the scheme from (t, x) over dt with Brownian increment dW.</summary>
    /// <exception cref="MarketMakingException">NumericalInstability when the step leaves the finite doubles (the scheme
    /// diverged, e.g. a super-linear drift with too large a step, or a non-finite coefficient).</exception>
    public static double Step<TSde>(TSde sde, SdeScheme scheme, double t, double x, double dt, double dW)
        where TSde : IScalarSde
    {
        var b = sde.Diffusion(t, x);
        var next = x + sde.Drift(t, x) * dt + b * dW;
        if (scheme == SdeScheme.Milstein)
        {
            next += 0.5 * b * sde.DiffusionDerivative(t, x) * (dW * dW - dt);
        }

        return RequireFinite(next, t + dt);
    }

    /// <summary>Returns <paramref name="value"/>, the state at <paramref name="time"/>, or throws NumericalInstability if it is NaN or ±∞.</summary>
    internal static double RequireFinite(double value, double time) => double.IsFinite(value)
        ? value
        : throw new MarketMakingException(MarketMakingErrorKind.NumericalInstability, $"the path reached {value} at t = {time}: the scheme diverged", "path");

    /// <summary>
    /// Integrates from X(t₀) = x₀ with the given Brownian increments; path[k] = X(t₀ + k·dt), so
    /// <c>path.Length == brownianIncrements.Length + 1</c>.
    /// </summary>
    public static void Solve<TSde>(
        TSde sde, SdeScheme scheme, double x0, double t0, double dt, ReadOnlySpan<double> brownianIncrements, Span<double> path)
        where TSde : IScalarSde
    {
        CheckGrid(scheme, x0, t0, dt, brownianIncrements.Length + 1, path.Length);
        Guard.AllFinite(brownianIncrements, nameof(brownianIncrements));
        path[0] = x0;
        for (var k = 0; k < brownianIncrements.Length; k++)
        {
            path[k + 1] = Step(sde, scheme, t0 + k * dt, path[k], dt, brownianIncrements[k]);
        }
    }

    /// <summary>Integrates from X(t₀) = x₀ over path.Length − 1 steps with increments drawn from <paramref name="random"/>.</summary>
    public static void Simulate<TSde>(TSde sde, SdeScheme scheme, double x0, double t0, double dt, Random random, Span<double> path)
        where TSde : IScalarSde
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckGrid(scheme, x0, t0, dt, path.Length, path.Length);
        var sqrtDt = Math.Sqrt(dt);
        path[0] = x0;
        for (var k = 1; k < path.Length; k++)
        {
            path[k] = Step(sde, scheme, t0 + (k - 1) * dt, path[k - 1], dt, sqrtDt * Normal.Sample(random, 0, 1));
        }
    }

    /// <summary>Validates the start and step and the path length shared by the solvers.</summary>
    internal static void CheckGrid(SdeScheme scheme, double x0, double t0, double dt, int expectedLength, int pathLength)
    {
        Guard.Defined(scheme, nameof(scheme));
        Guard.Finite(x0, nameof(x0));
        Guard.Finite(t0, nameof(t0));
        Guard.Positive(dt, nameof(dt));
        if (pathLength < 1 || pathLength != expectedLength)
        {
            throw Guard.Invalid("path", $"length must be {Math.Max(1, expectedLength)} (one more than the number of steps), got {pathLength}");
        }
    }
}
