using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using QuantConnect.Data.Market;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// Live intensities of buyer- and seller-initiated market orders under a bivariate Hawkes process with exponential kernel
/// (Hawkes 1971; Bacry, Mastromatteo &amp; Muzy 2015, "Hawkes processes in finance", Market Microstructure and Liquidity
/// 1(1)): λᵢ(t) = μᵢ + Σⱼ Σ_{t_k^j ≤ t} αᵢⱼ·β·e^(−β(t − t_k^j)), node 0 = buys, node 1 = sells, time in seconds, kept by
/// <see cref="HawkesIntensityTracker"/>. Trade ticks are signed by the quote rule against the prevailing mid (the
/// tick's own bid/ask when it carries them, else the latest quote ticks) and, at the mid or without a quote, by the tick
/// test (<see cref="LeeReadyTradeSigner"/>, Lee &amp; Ready 1991). A trade signed on the same side and at the same time as the
/// previous event is the same market order walking the book and is not a new event (the convention of the research
/// console's <c>calibrate</c> command, whose fitted parameters this indicator takes). Every accepted tick (trade or
/// quote) moves the clock, so the value decays between trades. With a <see cref="MarketMakingIndicator{T}.Clock"/> the clock
/// is open-market time: the excitation neither decays nor accrues over a close, it carries into the next session as it
/// stood at the close (the research console's <c>calibrate</c> fits the parameters on sessions stitched in the same
/// session time, so carrying rather than restarting is the process those parameters describe), and the quotes and prices
/// that sign trades restart with the session.
/// <para><see cref="QuantConnect.Indicators.WindowBase{T}.Current"/> is the order-flow imbalance
/// (λ_buy − λ_sell)/(λ_buy + λ_sell) ∈ (−1, 1) at the latest tick.</para>
/// <para>Feed it every tick of <c>slice.Ticks[symbol]</c> (trades and quotes) by hand, or with
/// <c>RegisterIndicator(symbol, indicator, Resolution.Tick)</c>, which delivers one tick type only (trades for
/// equities, quotes for forex and crypto: feed those by hand).</para>
/// </summary>
public sealed class HawkesIntensityIndicator : MarketMakingIndicator<Tick>
{
    /// <summary>Node of buyer-initiated trades in <see cref="Parameters"/>.</summary>
    public const int BuyNode = 0;

    /// <summary>Node of seller-initiated trades in <see cref="Parameters"/>.</summary>
    public const int SellNode = 1;

    private HawkesIntensityTracker _tracker;
    private QuoteBook _book;
    private LeeReadyTradeSigner _signer;
    private TradeAggressor _lastSign;
    private double _lastEventSeconds = double.NaN;

    /// <summary>Creates the indicator.</summary>
    /// <param name="name">Indicator name.</param>
    /// <param name="parameters">A fitted bivariate process (node 0 buys, node 1 sells; μ in events per second, β per second), e.g. from <see cref="HawkesEstimator"/>.</param>
    /// <param name="warmUpTrades">Signed trades needed before <see cref="IsReady"/> (enough for the excitation to forget the empty start: several 1/β of trading), ≥ 1.</param>
    /// <exception cref="MarketMakingException">InvalidParameters when the process is not bivariate.</exception>
    public HawkesIntensityIndicator(string name, HawkesParameters parameters, int warmUpTrades = 100)
        : base(name, warmUpTrades)
    {
        Parameters = parameters ?? throw Guard.Invalid(nameof(parameters), "must not be null");
        if (parameters.Dimension != 2)
        {
            throw Guard.Invalid(nameof(parameters), $"must be bivariate (buys, sells), got dimension {parameters.Dimension}");
        }

        _tracker = new HawkesIntensityTracker(parameters);
        SetIntensities(0);
    }

    /// <summary>The process whose intensities are tracked.</summary>
    public HawkesParameters Parameters { get; }

    /// <summary>Intensity of buyer-initiated market orders at the latest tick, events per second.</summary>
    public double BuyIntensity { get; private set; }

    /// <summary>Intensity of seller-initiated market orders at the latest tick, events per second.</summary>
    public double SellIntensity { get; private set; }

    /// <summary>Order-flow imbalance (λ_buy − λ_sell)/(λ_buy + λ_sell) at the latest tick, in (−1, 1).</summary>
    public double Imbalance => (BuyIntensity - SellIntensity) / (BuyIntensity + SellIntensity);

    /// <summary>Buyer-initiated market orders (events of node 0) recorded since the last reset.</summary>
    public long BuyTrades { get; private set; }

    /// <summary>Seller-initiated market orders (events of node 1) recorded since the last reset.</summary>
    public long SellTrades { get; private set; }

    /// <summary>Signed trades folded into the previous event (same side, same time) since the last reset.</summary>
    public long MergedTrades { get; private set; }

    /// <summary>Trades that could not be signed (no quote and no earlier price change), since the last reset.</summary>
    public long UnsignedTrades { get; private set; }

    /// <summary>True once <see cref="MarketMakingIndicator{T}.WarmUpPeriod"/> trades have been signed.</summary>
    public override bool IsReady => BuyTrades + SellTrades >= WarmUpPeriod;

    private protected override Step Accept(Tick input, double timeSeconds, bool crossesClose)
    {
        if (crossesClose && (QuoteBook.IsQuote(input) ? QuoteBook.IsUsable(input) : IsPrice(input.Value)))
        {
            // After a market close, trades are signed against quotes and prices of the new session only, and none is
            // merged with an event before the close.
            _book.Clear();
            _signer.Reset();
            _lastSign = TradeAggressor.Unknown;
            _lastEventSeconds = double.NaN;
        }

        if (QuoteBook.IsQuote(input))
        {
            if (!_book.Apply(input))
            {
                return Step.Skip;
            }
        }
        else
        {
            if (!IsPrice(input.Value))
            {
                return Step.Skip;
            }

            var sign = _signer.Sign((double)input.Value, _book.MidFor(input));
            if (sign != TradeAggressor.Unknown && sign == _lastSign && timeSeconds == _lastEventSeconds)
            {
                MergedTrades++;
            }
            else if (sign == TradeAggressor.Buy)
            {
                _tracker.OnEvent(BuyNode, timeSeconds);
                BuyTrades++;
            }
            else if (sign == TradeAggressor.Sell)
            {
                _tracker.OnEvent(SellNode, timeSeconds);
                SellTrades++;
            }
            else
            {
                UnsignedTrades++;
            }

            if (sign != TradeAggressor.Unknown)
            {
                _lastSign = sign;
                _lastEventSeconds = timeSeconds;
            }
        }

        SetIntensities(timeSeconds);
        return Step.Of(Imbalance);
    }

    private protected override void ResetState()
    {
        _tracker = new HawkesIntensityTracker(Parameters);
        _book.Clear();
        _signer.Reset();
        BuyTrades = SellTrades = UnsignedTrades = MergedTrades = 0;
        _lastSign = TradeAggressor.Unknown;
        _lastEventSeconds = double.NaN;
        SetIntensities(0);
    }

    private void SetIntensities(double timeSeconds)
    {
        BuyIntensity = _tracker.Intensity(BuyNode, timeSeconds);
        SellIntensity = _tracker.Intensity(SellNode, timeSeconds);
    }
}
