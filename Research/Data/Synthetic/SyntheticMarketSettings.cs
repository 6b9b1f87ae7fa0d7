using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Simulation;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>
/// Parameters of the synthetic instrument written by <see cref="SyntheticTickGenerator"/> (its dynamics: <see cref="SyntheticMarketDynamics"/>): a crypto-like pair
/// (default <c>MMCUSD</c> on LEAN's <c>coinbase</c> market, UTC, trading around the clock) priced like a currency pair.
/// Time unit: seconds; price unit: the quote currency.
/// </summary>
public sealed class SyntheticMarketSettings
{
    /// <summary>Creates validated settings; every argument has the documented default.</summary>
    /// <param name="ticker">Ticker (upper-case letters and digits, ending in the quote currency <c>USD</c>).</param>
    /// <param name="market">LEAN market (folder) name.</param>
    /// <param name="start">First day written.</param>
    /// <param name="days">Number of consecutive days (≥ 1).</param>
    /// <param name="initialMid">Mid price at the start (&gt; 0).</param>
    /// <param name="volatility">Diffusive volatility of the mid, relative, per √second (GBM σ, &gt; 0): 1.8e-5 ≈ 0.53 % a day.</param>
    /// <param name="jumpsPerDay">Mean number of mid jumps a day (compound Poisson, ≥ 0).</param>
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
    public SyntheticMarketSettings(
        string ticker = "MMCUSD",
        string market = "coinbase",
        DateOnly? start = null,
        int days = 3,
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
        if (string.IsNullOrWhiteSpace(ticker) || !ticker.EndsWith("USD", StringComparison.Ordinal) || ticker.Length < 6)
        {
            throw Guard.Invalid(nameof(ticker), $"must be an upper-case pair ending in USD, got '{ticker}'");
        }

        if (string.IsNullOrWhiteSpace(market))
        {
            throw Guard.Invalid(nameof(market), "must not be empty");
        }

        Ticker = ticker;
        Market = market.ToLowerInvariant();
        Start = start ?? new DateOnly(2024, 1, 1);
        Days = Guard.Positive(days, nameof(days));
        Dynamics = new SyntheticMarketDynamics(initialMid, volatility, jumpsPerDay, jumpSize, tickSize, halfSpreadTicks,
            baseTradeRate, selfExcitation, crossExcitation, excitationDecay, depthDecay, meanTradeSize, meanQuoteSize);
    }

    /// <summary>Ticker, upper-case.</summary>
    public string Ticker { get; }

    /// <summary>LEAN market name, lower-case.</summary>
    public string Market { get; }

    /// <summary>First day written.</summary>
    public DateOnly Start { get; }

    /// <summary>Number of days.</summary>
    public int Days { get; }

    /// <summary>The market's dynamics (validated there), the <see cref="SyntheticMarketGenerator"/>'s input.</summary>
    public SyntheticMarketDynamics Dynamics { get; }

    /// <summary>Initial mid price.</summary>
    public double InitialMid => Dynamics.InitialMid;

    /// <summary>GBM volatility, relative per √second.</summary>
    public double Volatility => Dynamics.Volatility;

    /// <summary>Mean number of jumps a day.</summary>
    public double JumpsPerDay => Dynamics.JumpsPerDay;

    /// <summary>Jump standard deviation, price units.</summary>
    public double JumpSize => Dynamics.JumpSize;

    /// <summary>Minimum price variation.</summary>
    public decimal TickSize => Dynamics.TickSize;

    /// <summary>Half-spread of the background book, ticks.</summary>
    public int HalfSpreadTicks => Dynamics.HalfSpreadTicks;

    /// <summary>Hawkes μ of each side, per second.</summary>
    public double BaseTradeRate => Dynamics.BaseTradeRate;

    /// <summary>Hawkes self-excitation α.</summary>
    public double SelfExcitation => Dynamics.SelfExcitation;

    /// <summary>Hawkes cross-excitation α.</summary>
    public double CrossExcitation => Dynamics.CrossExcitation;

    /// <summary>Hawkes β, per second.</summary>
    public double ExcitationDecay => Dynamics.ExcitationDecay;

    /// <summary>k, per price unit.</summary>
    public double DepthDecay => Dynamics.DepthDecay;

    /// <summary>Mean market-order size.</summary>
    public double MeanTradeSize => Dynamics.MeanTradeSize;

    /// <summary>Mean displayed size at the touch.</summary>
    public double MeanQuoteSize => Dynamics.MeanQuoteSize;

    /// <summary>The quote currency (the ticker's last three letters).</summary>
    public string QuoteCurrency => Ticker[^3..];

    /// <summary>The base currency (the ticker without its quote currency).</summary>
    public string BaseCurrency => Ticker[..^3];
}
