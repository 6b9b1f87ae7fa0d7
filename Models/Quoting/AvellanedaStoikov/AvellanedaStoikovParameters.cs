using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;

/// <summary>
/// Validated, immutable parameters of the finite-horizon Avellaneda–Stoikov model
/// (Avellaneda &amp; Stoikov 2008, "High-frequency trading in a limit order book", Quantitative Finance 8(3), §2–3).
/// Every quantity uses one time unit (the unit of <see cref="Horizon"/> and of <see cref="MarketSnapshot.Time"/>)
/// and one price unit (the unit of <see cref="MarketSnapshot.Mid"/>).
/// </summary>
public sealed class AvellanedaStoikovParameters
{
    /// <summary>Creates validated parameters; any invalid value throws <see cref="MarketMakingException"/>
    /// of kind <see cref="MarketMakingErrorKind.InvalidParameters"/> naming the parameter.</summary>
    /// <param name="riskAversion">CARA risk aversion γ &gt; 0, per price unit of wealth.</param>
    /// <param name="volatility">Mid-price volatility σ &gt; 0, in price units per √time unit (arithmetic Brownian motion, eq. (1)).</param>
    /// <param name="intensityDecay">Fill-intensity decay k &gt; 0, per price unit: λ(δ) = A·e^(−kδ) (eq. (12)).</param>
    /// <param name="horizon">Terminal time T &gt; 0, in time units.</param>
    /// <param name="orderSize">Quantity z quoted on each side and filled at once, &gt; 0, in units of the asset (the paper
    /// quotes one share); the spread is that of lots of z units (see <see cref="AvellanedaStoikovModel"/>).</param>
    /// <param name="adverseSelectionPremium">Constant premium ≥ 0, in price units, added to both depths.</param>
    public AvellanedaStoikovParameters(
        double riskAversion,
        double volatility,
        double intensityDecay,
        double horizon,
        double orderSize = 1,
        double adverseSelectionPremium = 0)
    {
        RiskAversion = Guard.Positive(riskAversion, nameof(riskAversion));
        Volatility = Guard.Positive(volatility, nameof(volatility));
        IntensityDecay = Guard.Positive(intensityDecay, nameof(intensityDecay));
        Horizon = Guard.Positive(horizon, nameof(horizon));
        OrderSize = Guard.Positive(orderSize, nameof(orderSize));
        AdverseSelectionPremium = Guard.NonNegative(adverseSelectionPremium, nameof(adverseSelectionPremium));
    }

    /// <summary>CARA risk aversion γ, per price unit of wealth.</summary>
    public double RiskAversion { get; }

    /// <summary>Mid-price volatility σ, price units per √time unit.</summary>
    public double Volatility { get; }

    /// <summary>Fill-intensity decay k, per price unit.</summary>
    public double IntensityDecay { get; }

    /// <summary>Terminal time T, time units.</summary>
    public double Horizon { get; }

    /// <summary>Quantity quoted on each side, units of the asset.</summary>
    public double OrderSize { get; }

    /// <summary>Constant adverse-selection premium, price units, added to both depths.</summary>
    public double AdverseSelectionPremium { get; }
}
