using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>
/// Geometric Brownian motion dS = μS dt + σS dW, with its exact solution S_t = S₀·exp((μ − σ²/2)t + σW_t)
/// (Higham 2001, "An algorithmic introduction to numerical simulation of SDEs", SIAM Review 43(3), §4).
/// </summary>
public sealed class GeometricBrownianMotion : IScalarSde
{
    /// <summary>Creates the process.</summary>
    /// <param name="drift">μ, per time unit.</param>
    /// <param name="volatility">σ ≥ 0, per √time unit.</param>
    public GeometricBrownianMotion(double drift, double volatility)
    {
        Mu = Guard.Finite(drift, nameof(drift));
        Sigma = Guard.NonNegative(volatility, nameof(volatility));
    }

    /// <summary>Drift μ per time unit.</summary>
    public double Mu { get; }

    /// <summary>Volatility σ per √time unit.</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    public double Drift(double t, double x) => Mu * x;

    /// <inheritdoc />
    public double Diffusion(double t, double x) => Sigma * x;

    /// <inheritdoc />
    public double DiffusionDerivative(double t, double x) => Sigma;

    /// <summary>Exact S_t given S₀ and the Brownian value W_t (W₀ = 0).</summary>
    public double ExactSolution(double initial, double time, double brownian) =>
        initial * Math.Exp((Mu - 0.5 * Sigma * Sigma) * time + Sigma * brownian);

    /// <summary>E[S_t] = S₀e^{μt}.</summary>
    public double Mean(double initial, double time) => initial * Math.Exp(Mu * time);
}
