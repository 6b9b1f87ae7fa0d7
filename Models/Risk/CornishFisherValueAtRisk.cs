using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Cornish–Fisher ("modified") value at risk: the normal quantile corrected for the skewness s and excess kurtosis κ of the
/// portfolio loss (Cornish &amp; Fisher 1937; Zangari 1996, "A VaR methodology for portfolios that include options",
/// RiskMetrics Monitor Q1; Favre &amp; Galeano 2002, J. Alternative Investments 5(2)):
/// z_cf = z + (z² − 1)s/6 + (z³ − 3z)κ/24 − (2z³ − 5z)s²/36, VaR = σ·√h·z_cf. The loss per period is
/// Lₜ = −Σᵢ eᵢrₜᵢ over the history with weights wₜ (<see cref="ScenarioWeights"/>); its moments are taken about zero (the
/// mean return is zero, as in <see cref="NormalValueAtRisk"/>): σ² = Σwₜ Lₜ², s = ΣwₜLₜ³/σ³, κ = ΣwₜLₜ⁴/σ⁴ − 3. Over h
/// independent periods the loss's skewness is s/√h and its excess kurtosis κ/h, which the h-period quantile uses.
/// <para>
/// ES is the exact tail mean of the distribution whose quantile function is the expansion, σ√h·z_cf(X) with X ~ N(0, 1):
/// ES = σ√h/(1 − α)·[I₁ + s(I₂ − I₀)/6 + κ(I₃ − 3I₁)/24 − s²(2I₃ − 5I₁)/36] with the normal partial moments
/// Iₖ = ∫_z^∞ xᵏφ(x)dx: I₀ = 1 − α, I₁ = φ(z), I₂ = zφ(z) + 1 − α, I₃ = (z² + 2)φ(z). At s = κ = 0 both reduce to the normal
/// VaR and ES. The expansion is a quantile function only where z_cf is increasing (Maillard 2012, "A user's guide to the
/// Cornish Fisher expansion", SSRN 1997178): a skewness/kurtosis for which it decreases within the tail (up to
/// <see cref="NeglectedTailShare"/> of it) is refused.
/// </para>
/// Euler allocation: VaR is homogeneous of degree one in e (σ scales, s and κ do not), so component VaRᵢ = eᵢ·∂VaR/∂eᵢ with
/// the analytic gradient through σ, s and κ (Boudt, Peterson &amp; Croux 2008, "Estimation and decomposition of downside
/// risk for portfolios with non-normal returns", J. Risk 11(2), §3); they sum to VaR.
/// </summary>
public sealed class CornishFisherValueAtRisk
{
    /// <summary>
    /// Share of the tail on whose far end the expansion may turn: z_cf must increase on [z_α, Φ⁻¹(1 − 0.01·(1 − α))], the
    /// part of the tail that carries 99 % of its probability. Any s ≠ 0 with κ &lt; 4s²/3 turns eventually (s = −0.28,
    /// κ = 0 at x ≈ 4.0, i.e. in the last 0.3 % of a 99 % tail); beyond the turn the polynomial is used as it is, which
    /// understates ES by at most that share of the tail times the turn's depth.
    /// </summary>
    public const double NeglectedTailShare = 0.01;

    /// <summary>The fewest periods the four moments are estimated from.</summary>
    public const int MinimumPeriods = 4;

    private double[] _losses = Array.Empty<double>();
    private double[] _weights = Array.Empty<double>();

    /// <summary>Creates the calculator.</summary>
    /// <param name="decay">λ ∈ (0, 1]: age weight of a period relative to the next newer one (1 = equal weights).</param>
    /// <exception cref="MarketMakingException">InvalidParameters for λ outside (0, 1].</exception>
    public CornishFisherValueAtRisk(double decay = 1)
    {
        Decay = ScenarioWeights.CheckDecay(decay, nameof(decay));
    }

    /// <summary>Age-weight decay λ (1 = equal weights).</summary>
    public double Decay { get; }

    /// <summary>z_cf: the Cornish–Fisher corrected standard quantile for normal quantile z, skewness s and excess kurtosis κ.</summary>
    public static double Quantile(double z, double skewness, double excessKurtosis) =>
        z + ((z * z) - 1) * skewness / 6 + ((z * z * z) - (3 * z)) * excessKurtosis / 24
        - ((2 * z * z * z) - (5 * z)) * skewness * skewness / 36;

    /// <summary>
    /// ES of the standardised loss z_cf(X), X ~ N(0, 1), beyond confidence α: the tail mean of the expansion's quantile function.
    /// </summary>
    /// <exception cref="MarketMakingException">NumericalInstability when z_cf is not increasing beyond z_α.</exception>
    public static double ExpectedShortfall(ValueAtRiskParameters parameters, double skewness, double excessKurtosis)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var z = parameters.NormalQuantile;
        CheckMonotone(z, Normal.InvCDF(0, 1, 1 - (NeglectedTailShare * parameters.TailProbability)), skewness, excessKurtosis);
        var density = Normal.PDF(0, 1, z);
        var i0 = parameters.TailProbability;
        var i1 = density;
        var i2 = (z * density) + i0;
        var i3 = ((z * z) + 2) * density;
        var s = skewness;
        var k = excessKurtosis;
        return (i1 + (s * (i2 - i0) / 6) + (k * (i3 - (3 * i1)) / 24) - (s * s * ((2 * i3) - (5 * i1)) / 36)) / i0;
    }

    /// <summary>Computes VaR, ES and the per-asset marginal and component VaR of <paramref name="exposures"/>.</summary>
    /// <inheritdoc cref="HistoricalValueAtRisk.Compute(ReadOnlySpan{double}, ReturnHistory, ValueAtRiskParameters, Span{double}, Span{double})" path="/param"/>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for mismatched lengths, non-finite exposures or fewer than <see cref="MinimumPeriods"/> periods;
    /// NumericalInstability when the skewness and kurtosis leave the expansion's domain of validity.
    /// </exception>
    public ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReturnHistory history,
        ValueAtRiskParameters parameters,
        Span<double> marginal,
        Span<double> components)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(parameters);
        history.CheckExposures(exposures, nameof(exposures));
        var n = history.Assets;
        var periods = history.Periods;
        if (periods < MinimumPeriods)
        {
            throw Guard.Invalid("returns", $"Cornish-Fisher needs at least {MinimumPeriods} periods, got {periods}");
        }

        if (marginal.Length != n || components.Length != n)
        {
            throw Guard.Invalid(marginal.Length != n ? nameof(marginal) : nameof(components), $"must hold {n} entries");
        }

        if (_losses.Length < periods)
        {
            _losses = new double[periods];
            _weights = new double[periods];
        }

        var losses = _losses.AsSpan(0, periods);
        var weights = _weights.AsSpan(0, periods);
        ScenarioWeights.Fill(weights, Decay);
        double m2 = 0, m3 = 0, m4 = 0;
        for (var t = 0; t < periods; t++)
        {
            var row = history.Row(t);
            var loss = 0.0;
            for (var i = 0; i < n; i++)
            {
                loss -= exposures[i] * row[i];
            }

            losses[t] = loss;
            var w2 = weights[t] * loss * loss;
            m2 += w2;
            m3 += w2 * loss;
            m4 += w2 * loss * loss;
        }

        if (!(m2 > 0))
        {
            marginal.Clear();
            components.Clear();
            return new ValueAtRiskEstimate(0, 0);
        }

        var h = parameters.HorizonPeriods;
        var rootH = Math.Sqrt(h);
        var sigma = Math.Sqrt(m2);
        var skewness = m3 / (m2 * sigma);
        var kurtosis = (m4 / (m2 * m2)) - 3;
        var sh = skewness / rootH;
        var kh = kurtosis / h;
        var z = parameters.NormalQuantile;
        var es = ExpectedShortfall(parameters, sh, kh);
        var zcf = Quantile(z, sh, kh);

        // Gradient: ∂m_k/∂eᵢ = k·Σₜ wₜ Lₜ^(k−1)·(−rₜᵢ); then through σ = √m2, s = m3/m2^1.5, κ = m4/m2² − 3.
        var dzds = ((z * z) - 1) / 6 - (((2 * z * z * z) - (5 * z)) * sh / 18);
        var dzdk = ((z * z * z) - (3 * z)) / 24;
        for (var i = 0; i < n; i++)
        {
            double g2 = 0, g3 = 0, g4 = 0;
            for (var t = 0; t < periods; t++)
            {
                var wl = -weights[t] * history.Row(t)[i];
                var loss = losses[t];
                g2 += wl * loss;
                g3 += wl * loss * loss;
                g4 += wl * loss * loss * loss;
            }

            g2 *= 2;
            g3 *= 3;
            g4 *= 4;
            var dSigma = g2 / (2 * sigma);
            var dSkew = (g3 / (m2 * sigma)) - (1.5 * m3 * g2 / (m2 * m2 * sigma));
            var dKurt = (g4 / (m2 * m2)) - (2 * m4 * g2 / (m2 * m2 * m2));
            marginal[i] = rootH * ((dSigma * zcf) + (sigma * ((dzds * dSkew / rootH) + (dzdk * dKurt / h))));
            components[i] = exposures[i] * marginal[i];
        }

        return new ValueAtRiskEstimate(sigma * rootH * zcf, sigma * rootH * es);
    }

    /// <summary>Requires dz_cf/dx = a·x² + b·x + c &gt; 0 on [z, upper].</summary>
    private static void CheckMonotone(double z, double upper, double s, double k)
    {
        var a = (k / 8) - (s * s / 6);
        var b = s / 3;
        var c = 1 - (k / 8) + (5 * s * s / 36);
        double Slope(double x) => (a * x * x) + (b * x) + c;
        var minimum = Math.Min(Slope(z), Slope(upper));
        var vertex = a > 0 ? -b / (2 * a) : double.NaN;
        if (vertex > z && vertex < upper)
        {
            minimum = Math.Min(minimum, Slope(vertex));
        }

        if (!(minimum > 0))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.NumericalInstability,
                $"the Cornish-Fisher expansion is not increasing on [{z}, {upper}] at skewness {s} and excess kurtosis {k} (outside its domain of validity)",
                "returns");
        }
    }
}
