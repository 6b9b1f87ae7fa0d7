using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;

/// <summary>
/// Validated, immutable parameters of the infinite-horizon (stationary) Avellaneda–Stoikov model
/// (Avellaneda &amp; Stoikov 2008, Quantitative Finance 8(3), §2.3). The discount rate must satisfy
/// ω &gt; ½·γ²·σ²·(q_max + z)² with z the order size, the strict form of the paper's "natural choice"
/// ω = ½γ²σ²(q_max + 1)² (z = 1 there): it keeps the discounted frozen-inventory value finite at every inventory q with
/// |q| ≤ q_max + z, hence both reservation prices finite for |q| ≤ q_max (with equality the reservation bid at
/// q = q_max is −∞).
/// </summary>
public sealed class InfiniteHorizonAvellanedaStoikovParameters
{
    /// <summary>Creates validated parameters; any invalid value throws <see cref="MarketMakingException"/>
    /// of kind <see cref="MarketMakingErrorKind.InvalidParameters"/> naming the parameter.</summary>
    /// <param name="riskAversion">CARA risk aversion γ &gt; 0, per price unit of wealth.</param>
    /// <param name="volatility">Mid-price volatility σ &gt; 0, price units per √time unit.</param>
    /// <param name="intensityDecay">Fill-intensity decay k &gt; 0, per price unit.</param>
    /// <param name="discountRate">Discount rate ω of the utility flow, per time unit, &gt; ½γ²σ²(q_max + z)².</param>
    /// <param name="maxInventory">Inventory bound q_max &gt; 0, units of the asset.</param>
    /// <param name="orderSize">Quantity z quoted on each side and traded per fill, &gt; 0, units of the asset (1 in the paper).</param>
    /// <param name="adverseSelectionPremium">Constant premium ≥ 0, price units, added to both depths.</param>
    public InfiniteHorizonAvellanedaStoikovParameters(
        double riskAversion,
        double volatility,
        double intensityDecay,
        double discountRate,
        double maxInventory,
        double orderSize = 1,
        double adverseSelectionPremium = 0)
    {
        RiskAversion = Guard.Positive(riskAversion, nameof(riskAversion));
        Volatility = Guard.Positive(volatility, nameof(volatility));
        IntensityDecay = Guard.Positive(intensityDecay, nameof(intensityDecay));
        DiscountRate = Guard.Positive(discountRate, nameof(discountRate));
        MaxInventory = Guard.Positive(maxInventory, nameof(maxInventory));
        OrderSize = Guard.Positive(orderSize, nameof(orderSize));
        AdverseSelectionPremium = Guard.NonNegative(adverseSelectionPremium, nameof(adverseSelectionPremium));

        var bound = MinimumDiscountRate(riskAversion, volatility, maxInventory, orderSize);
        if (!(discountRate > bound))
        {
            throw Guard.Invalid(
                nameof(discountRate),
                $"must be > ½γ²σ²(q_max + z)² = {bound} for γ = {riskAversion}, σ = {volatility}, q_max = {maxInventory}, z = {orderSize}, got {discountRate}");
        }
    }

    /// <summary>CARA risk aversion γ, per price unit of wealth.</summary>
    public double RiskAversion { get; }

    /// <summary>Mid-price volatility σ, price units per √time unit.</summary>
    public double Volatility { get; }

    /// <summary>Fill-intensity decay k, per price unit.</summary>
    public double IntensityDecay { get; }

    /// <summary>Discount rate ω, per time unit.</summary>
    public double DiscountRate { get; }

    /// <summary>Inventory bound q_max, units of the asset.</summary>
    public double MaxInventory { get; }

    /// <summary>Quantity quoted on each side, units of the asset.</summary>
    public double OrderSize { get; }

    /// <summary>Constant adverse-selection premium, price units, added to both depths.</summary>
    public double AdverseSelectionPremium { get; }

    /// <summary>The paper's bound ½·γ²·σ²·(q_max + z)², per time unit: <see cref="DiscountRate"/> must exceed it.</summary>
    /// <param name="riskAversion">γ, per price unit.</param>
    /// <param name="volatility">σ, price units per √time unit.</param>
    /// <param name="maxInventory">q_max, units of the asset.</param>
    /// <param name="orderSize">z, units of the asset per fill (1 in the paper).</param>
    public static double MinimumDiscountRate(double riskAversion, double volatility, double maxInventory, double orderSize = 1)
    {
        var x = riskAversion * volatility * (maxInventory + orderSize);
        return 0.5 * x * x;
    }
}
