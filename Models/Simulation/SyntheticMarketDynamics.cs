using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// Dynamics of the synthetic market of <see cref="SyntheticMarketGenerator"/>: a jump-diffusion mid, a background book
/// a fixed number of ticks either side of it, and two-sided Hawkes market-order flow walking exponentially distributed
/// depths through the book. Time unit: seconds; price unit: the quote currency. The defaults are those of the
/// <c>generate-data</c> pair <c>MMCUSD</c> (a crypto-like pair priced like a currency pair).
/// </summary>
public sealed class SyntheticMarketDynamics
{
    /// <summary>Creates validated dynamics; every argument has the documented default.</summary>
    /// <param name="initialMid">Mid price at the start (&gt; 0).</param>
    /// <param name="volatility">Diffusive volatility of the mid, relative, per √second (GBM σ, &gt; 0): 1.8e-5 ≈ 0.53 % a day.</param>
    /// <param name="jumpsPerDay">Mean number of mid jumps a day of 86,400 seconds (compound Poisson, ≥ 0).</param>
    /// <param name="jumpSize">Standard deviation of a jump, price units (normal, mean 0, &gt; 0).</param>
    /// <param name="tickSize">Minimum price variation (&gt; 0).</param>
    /// <param name="halfSpreadTicks">Displayed half-spread of the background book, ticks (≥ 1).</param>
    /// <param name="baseTradeRate">Hawkes background rate μ of buy and of sell market orders, per second (&gt; 0).</param>
    /// <param name="selfExcitation">Hawkes α of an order type on itself (≥ 0).</param>
    /// <param name="crossExcitation">Hawkes α between buys and sells (≥ 0; α_self + α_cross &lt; β·1 for stationarity).</param>
    /// <param name="excitationDecay">Hawkes β, per second (&gt; 0).</param>
    /// <param name="depthDecay">k: a market order walks δ ~ Exp(k) beyond the touch, per price unit (&gt; 0).</param>
    /// <param name="meanTradeSize">Mean market-order size, units of the asset (&gt; 0; exponential, at least one lot).</param>
    /// <param name="meanQuoteSize">Mean displayed size at the touch, units of the asset (&gt; 0).</param>
    public SyntheticMarketDynamics(
        double initialMid = 1.10,
        double volatility = 1.8e-5,
        double jumpsPerDay = 4,
        double jumpSize = 0.0008,
        decimal tickSize = 0.00001m,
        int halfSpreadTicks = 2,
        double baseTradeRate = 0.02,
        double selfExcitation = 0.3,
        double crossExcitation = 0.1,
        double excitationDecay = 1.0,
        double depthDecay = 10000,
        double meanTradeSize = 5000,
        double meanQuoteSize = 50000)
    {
        InitialMid = Guard.Positive(initialMid, nameof(initialMid));
        Volatility = Guard.Positive(volatility, nameof(volatility));
        JumpsPerDay = Guard.NonNegative(jumpsPerDay, nameof(jumpsPerDay));
        JumpSize = Guard.Positive(jumpSize, nameof(jumpSize));
        Guard.Positive((double)tickSize, nameof(tickSize));
        TickSize = tickSize;
        HalfSpreadTicks = Guard.Positive(halfSpreadTicks, nameof(halfSpreadTicks));
        BaseTradeRate = Guard.Positive(baseTradeRate, nameof(baseTradeRate));
        SelfExcitation = Guard.NonNegative(selfExcitation, nameof(selfExcitation));
        CrossExcitation = Guard.NonNegative(crossExcitation, nameof(crossExcitation));
        ExcitationDecay = Guard.Positive(excitationDecay, nameof(excitationDecay));
        DepthDecay = Guard.Positive(depthDecay, nameof(depthDecay));
        MeanTradeSize = Guard.Positive(meanTradeSize, nameof(meanTradeSize));
        MeanQuoteSize = Guard.Positive(meanQuoteSize, nameof(meanQuoteSize));
    }

    /// <summary>Initial mid price.</summary>
    public double InitialMid { get; }

    /// <summary>GBM volatility, relative per √second.</summary>
    public double Volatility { get; }

    /// <summary>Mean number of jumps a day.</summary>
    public double JumpsPerDay { get; }

    /// <summary>Jump standard deviation, price units.</summary>
    public double JumpSize { get; }

    /// <summary>Minimum price variation.</summary>
    public decimal TickSize { get; }

    /// <summary>Half-spread of the background book, ticks.</summary>
    public int HalfSpreadTicks { get; }

    /// <summary>Hawkes μ of each side, per second.</summary>
    public double BaseTradeRate { get; }

    /// <summary>Hawkes self-excitation α.</summary>
    public double SelfExcitation { get; }

    /// <summary>Hawkes cross-excitation α.</summary>
    public double CrossExcitation { get; }

    /// <summary>Hawkes β, per second.</summary>
    public double ExcitationDecay { get; }

    /// <summary>k, per price unit.</summary>
    public double DepthDecay { get; }

    /// <summary>Mean market-order size.</summary>
    public double MeanTradeSize { get; }

    /// <summary>Mean displayed size at the touch.</summary>
    public double MeanQuoteSize { get; }
}
