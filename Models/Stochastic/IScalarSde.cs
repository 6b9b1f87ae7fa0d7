namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>
/// A scalar Itô SDE dX = a(t, X)dt + b(t, X)dW, with the space derivative ∂b/∂x that the Milstein scheme needs.
/// Time is in the caller's unit (the same as the solver's step); a is per time unit, b per √time unit.
/// </summary>
public interface IScalarSde
{
    /// <summary>Drift a(t, x), per time unit.</summary>
    double Drift(double t, double x);

    /// <summary>Diffusion coefficient b(t, x), per √time unit.</summary>
    double Diffusion(double t, double x);

    /// <summary>Space derivative ∂b/∂x (t, x) of the diffusion coefficient.</summary>
    double DiffusionDerivative(double t, double x);
}
