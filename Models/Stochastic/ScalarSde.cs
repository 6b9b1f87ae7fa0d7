using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>A general scalar SDE dX = a(t, X)dt + b(t, X)dW given by delegates.</summary>
public sealed class ScalarSde : IScalarSde
{
    private readonly Func<double, double, double> _drift;
    private readonly Func<double, double, double> _diffusion;
    private readonly Func<double, double, double>? _diffusionDerivative;

    /// <summary>Creates the SDE.</summary>
    /// <param name="drift">a(t, x), per time unit.</param>
    /// <param name="diffusion">b(t, x), per √time unit.</param>
    /// <param name="diffusionDerivative">∂b/∂x (t, x); needed only by <see cref="SdeScheme.Milstein"/>.</param>
    public ScalarSde(
        Func<double, double, double> drift,
        Func<double, double, double> diffusion,
        Func<double, double, double>? diffusionDerivative = null)
    {
        _drift = drift ?? throw new ArgumentNullException(nameof(drift));
        _diffusion = diffusion ?? throw new ArgumentNullException(nameof(diffusion));
        _diffusionDerivative = diffusionDerivative;
    }

    /// <inheritdoc />
    public double Drift(double t, double x) => _drift(t, x);

    /// <inheritdoc />
    public double Diffusion(double t, double x) => _diffusion(t, x);

    /// <inheritdoc />
    /// <exception cref="MarketMakingException">InvalidParameters when no derivative was given.</exception>
    public double DiffusionDerivative(double t, double x) => _diffusionDerivative is null
        ? throw Guard.Invalid("diffusionDerivative", "the Milstein scheme needs ∂b/∂x; pass it to the constructor")
        : _diffusionDerivative(t, x);
}
