using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics;

namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>
/// Ornstein–Uhlenbeck process dX = κ(θ − X)dt + σ dW, with its exact Gaussian transition
/// X_{t+Δ} = θ + (X_t − θ)e^{−κΔ} + σ√((1 − e^{−2κΔ})/(2κ))·Z (Uhlenbeck &amp; Ornstein 1930; Gillespie 1996,
/// "Exact numerical simulation of the Ornstein–Uhlenbeck process and its integral", Phys. Rev. E 54(2)).
/// </summary>
public sealed class OrnsteinUhlenbeckProcess : IScalarSde
{
    /// <summary>Creates the process.</summary>
    /// <param name="meanReversion">κ &gt; 0, per time unit.</param>
    /// <param name="longRunMean">θ, in the units of X.</param>
    /// <param name="volatility">σ ≥ 0, units of X per √time unit.</param>
    public OrnsteinUhlenbeckProcess(double meanReversion, double longRunMean, double volatility)
    {
        Kappa = Guard.Positive(meanReversion, nameof(meanReversion));
        Theta = Guard.Finite(longRunMean, nameof(longRunMean));
        Sigma = Guard.NonNegative(volatility, nameof(volatility));
    }

    /// <summary>Mean-reversion speed κ per time unit.</summary>
    public double Kappa { get; }

    /// <summary>Long-run mean θ.</summary>
    public double Theta { get; }

    /// <summary>Volatility σ per √time unit.</summary>
    public double Sigma { get; }

    /// <summary>Stationary variance σ²/(2κ).</summary>
    public double StationaryVariance => Sigma * Sigma / (2 * Kappa);

    /// <inheritdoc />
    public double Drift(double t, double x) => Kappa * (Theta - x);

    /// <inheritdoc />
    public double Diffusion(double t, double x) => Sigma;

    /// <inheritdoc />
    public double DiffusionDerivative(double t, double x) => 0;

    /// <summary>E[X_t | X₀] = θ + (X₀ − θ)e^{−κt}.</summary>
    public double Mean(double initial, double time) => Theta + (initial - Theta) * Math.Exp(-Kappa * time);

    /// <summary>Var[X_t | X₀] = σ²(1 − e^{−2κt})/(2κ).</summary>
    /// <param name="time">Elapsed time t ≥ 0, time units (a negative t would give a negative variance).</param>
    public double Variance(double time) =>
        StationaryVariance * -SpecialFunctions.Expm1(-2 * Kappa * Guard.NonNegative(time, nameof(time)));

    /// <summary>Exact transition over <paramref name="dt"/> driven by a standard normal <paramref name="normal"/>.</summary>
    /// <param name="x">Current value X_t.</param>
    /// <param name="dt">Step Δ ≥ 0, time units.</param>
    /// <param name="normal">A standard normal draw Z.</param>
    public double ExactStep(double x, double dt, double normal) =>
        Mean(x, dt) + Math.Sqrt(Variance(Guard.NonNegative(dt, nameof(dt)))) * normal;
}
