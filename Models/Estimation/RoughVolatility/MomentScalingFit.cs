namespace Lean.MarketMaking.Models.Estimation.RoughVolatility;

/// <summary>
/// The least-squares fit ln m(q, Δ) = Intercept + ζ_q·ln Δ for one moment order q (Gatheral, Jaisson &amp; Rosenbaum
/// 2018, §2), with Δ in sample steps.
/// </summary>
/// <param name="Moment">Moment order q &gt; 0.</param>
/// <param name="Zeta">Scaling exponent ζ_q, the slope of ln m(q, Δ) against ln Δ; ζ_q = qH for a rough volatility.</param>
/// <param name="Intercept">Intercept of the fit, ln m(q, 1).</param>
/// <param name="RSquared">Coefficient of determination of the log-log fit (1 for exact power-law scaling).</param>
public readonly record struct MomentScalingFit(double Moment, double Zeta, double Intercept, double RSquared)
{
    /// <summary>The Hurst exponent implied by this moment alone, ζ_q / q.</summary>
    public double Hurst => Zeta / Moment;
}
