using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Quoting.Glft;

/// <summary>
/// Immutable, validated parameters shared by the Guéant–Lehalle–Fernandez-Tapia models:
/// Guéant, Lehalle &amp; Fernandez-Tapia (2013), "Dealing with the inventory risk: a solution to the market making
/// problem", Mathematics and Financial Economics 7 (arXiv:1105.3115), and its order-size generalisation in
/// Guéant (2017), "Optimal market making", Applied Mathematical Finance 24(2) (arXiv:1605.01862).
/// </summary>
/// <remarks>
/// <para>Model: mid dS = μ dt + σ dW (GLFT §5.1) plus, optionally, a jump of −ξ when the bid is filled and +ξ when the
/// ask is filled (GLFT §5.2, "market impact / adverse selection"); fills of size Δ arrive at intensity A·e^(−kδ) at depth δ.</para>
/// <para>All quantities share one price unit (e.g. ticks or dollars) and one time unit (e.g. seconds): σ in price per
/// √time, A per time, k per price, μ price per time, ξ in price, Δ in units of the asset.</para>
/// <para>The utility exponent of Guéant (2017) (ξ = γ for <see cref="GlftObjective.Cara"/>, 0 for
/// <see cref="GlftObjective.RiskNeutral"/>) is derived from <see cref="Objective"/> and is deliberately not a
/// parameter, so it can never be confused with <see cref="AdverseSelectionPerFill"/>.</para>
/// </remarks>
public sealed class GlftParameters
{
    /// <summary>Creates validated parameters; throws <see cref="MarketMakingException"/> (InvalidParameters) naming the bad one.</summary>
    /// <param name="riskAversion">γ &gt; 0, per price unit (absolute risk aversion, or the inventory-penalty weight in model B).</param>
    /// <param name="volatility">σ &gt; 0, price per √time unit.</param>
    /// <param name="arrivalRate">A &gt; 0, fills per time unit at depth 0.</param>
    /// <param name="depthDecay">k &gt; 0, per price unit: intensity A·e^(−kδ).</param>
    /// <param name="orderSize">Δ &gt; 0, the constant size of every quote, in units of the asset.</param>
    /// <param name="drift">μ, the mid's drift in price per time unit (GLFT 2013 §5.1); 0 for none.</param>
    /// <param name="adverseSelectionPerFill">ξ ≥ 0, the mid's jump in price units after each fill, against the market maker (GLFT 2013 §5.2).</param>
    /// <param name="objective">CARA (Guéant's model A) or risk-neutral with running penalty (model B).</param>
    public GlftParameters(
        double riskAversion,
        double volatility,
        double arrivalRate,
        double depthDecay,
        double orderSize = 1.0,
        double drift = 0.0,
        double adverseSelectionPerFill = 0.0,
        GlftObjective objective = GlftObjective.Cara)
    {
        RiskAversion = Guard.Positive(riskAversion, nameof(riskAversion));
        Volatility = Guard.Positive(volatility, nameof(volatility));
        ArrivalRate = Guard.Positive(arrivalRate, nameof(arrivalRate));
        DepthDecay = Guard.Positive(depthDecay, nameof(depthDecay));
        OrderSize = Guard.Positive(orderSize, nameof(orderSize));
        Drift = Guard.Finite(drift, nameof(drift));
        AdverseSelectionPerFill = Guard.NonNegative(adverseSelectionPerFill, nameof(adverseSelectionPerFill));
        Objective = Guard.Defined(objective, nameof(objective));

        // ξ is the utility exponent of Guéant (2017); ξ = 0 is model B.
        var xi = objective.UtilityExponent(riskAversion);
        BaseDepth = ExponentialIntensityHamiltonian.QuoteOffset(xi, depthDecay, orderSize);
        LogInverseHamiltonianConstant = ExponentialIntensityHamiltonian.LogInverseConstantC(xi, depthDecay, orderSize);
        if (!double.IsFinite(BaseDepth) || !double.IsFinite(LogInverseHamiltonianConstant))
        {
            throw Guard.Invalid(nameof(riskAversion), $"γΔ/k = {xi * orderSize / depthDecay} is outside the range this model can evaluate");
        }

        Eta = arrivalRate * ExponentialIntensityHamiltonian.ConstantC(xi, depthDecay, orderSize);
        InventoryRisk = 0.5 * depthDecay * riskAversion * volatility * volatility * orderSize;
    }

    /// <summary>Risk aversion γ, per price unit.</summary>
    public double RiskAversion { get; }

    /// <summary>Volatility σ of the mid, price per √time unit.</summary>
    public double Volatility { get; }

    /// <summary>Intensity scale A, fills per time unit at depth 0.</summary>
    public double ArrivalRate { get; }

    /// <summary>Intensity decay k, per price unit.</summary>
    public double DepthDecay { get; }

    /// <summary>Order size Δ, units of the asset.</summary>
    public double OrderSize { get; }

    /// <summary>Drift μ of the mid, price per time unit (GLFT 2013 §5.1).</summary>
    public double Drift { get; }

    /// <summary>Jump ξ of the mid after each fill, price units, against the market maker (GLFT 2013 §5.2).</summary>
    public double AdverseSelectionPerFill { get; }

    /// <summary>CARA (model A) or risk-neutral with running penalty (model B) of Guéant (2017).</summary>
    public GlftObjective Objective { get; }

    /// <summary>
    /// The risk-free depth δ̃ = (1/(ξΔ))·ln(1 + ξΔ/k) (→ 1/k as ξ → 0): the first term of Guéant (2017) (4.6)/(4.7),
    /// hftbacktest's c₁, GLFT 2013's (1/γ)·ln(1 + γ/k) when Δ = 1. Price units.
    /// </summary>
    public double BaseDepth { get; }

    /// <summary>
    /// −ln C with C = (1 + ξΔ/k)^(−(1 + k/(ξΔ))) (C = e^(−1) when ξ = 0), the constant of the exponential Hamiltonian
    /// H(p) = (AΔ/k)·C·e^(−kp) (<see cref="ExponentialIntensityHamiltonian"/>, here scaled by Δ). The power term of (4.6)/(4.7) is 1/C.
    /// </summary>
    internal double LogInverseHamiltonianConstant { get; }

    /// <summary>η = A·C, per time unit: the off-diagonal of GLFT 2013's matrix M (Proposition 2), generalised to size Δ.</summary>
    internal double Eta { get; }

    /// <summary>α = (k/2)·γσ²·Δ, per time unit: the diagonal coefficient αn² of M for inventory nΔ (GLFT's α when Δ = 1).</summary>
    internal double InventoryRisk { get; }
}
