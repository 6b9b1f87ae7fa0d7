using System;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Intensity;
using QuantConnect.Data.Market;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// Execution intensity λ(δ) = A·e^(−kδ) of each side of the book (Avellaneda &amp; Stoikov 2008; Guéant, Lehalle &amp;
/// Fernandez-Tapia 2013), estimated online from ticks by <see cref="TradingIntensityEstimator"/>: quote ticks set the mid
/// (the latest bid and ask, one-sided quote ticks updating their side), trade ticks the depths reached. The least-squares
/// fit of ln λ on δ is redone every <c>refitInterval</c> of data time (it allocates a few small arrays; the per-tick
/// updates do not); a fit with too little data or with non-positive A or k is not used and the previous one stays.
/// With a <see cref="MarketMakingIndicator{T}.Clock"/> the estimator's time (and the refit interval) is open-market time:
/// closed time is not exposure, and after a close depths are measured from the new session's quotes.
/// <para><see cref="QuantConnect.Indicators.WindowBase{T}.Current"/> is the average decay (k_bid + k_ask)/2, per price unit.</para>
/// <para>Feed it every tick of <c>slice.Ticks[symbol]</c> (trades and quotes): <c>RegisterIndicator</c> delivers one tick type only.</para>
/// </summary>
public sealed class TradingIntensityIndicator : MarketMakingIndicator<Tick>
{
    private readonly long _refitTicks;
    private readonly TradingIntensityEstimator _estimator;
    private QuoteBook _book;
    private long _nextRefit = long.MinValue;

    /// <summary>Creates the indicator.</summary>
    /// <param name="name">Indicator name.</param>
    /// <param name="options">Interval, depth grid and forgetting of the estimator.</param>
    /// <param name="refitInterval">Data time between two fits, ≥ the estimator's interval.</param>
    /// <param name="warmUpTicks">Ticks to request for a history warm-up (a hint: <see cref="IsReady"/> waits for a valid fit), ≥ 1.</param>
    public TradingIntensityIndicator(string name, TradingIntensityOptions options, TimeSpan refitInterval, int warmUpTicks = 10_000)
        : base(name, warmUpTicks)
    {
        _estimator = new TradingIntensityEstimator(options ?? throw Guard.Invalid(nameof(options), "must not be null"));
        if (!(refitInterval.TotalSeconds >= options.IntervalSeconds))
        {
            throw Guard.Invalid(nameof(refitInterval), $"must be >= the estimator's interval ({options.IntervalSeconds} s), got {refitInterval}");
        }

        RefitInterval = refitInterval;
        _refitTicks = refitInterval.Ticks;
    }

    /// <summary>The estimator's settings.</summary>
    public TradingIntensityOptions Options => _estimator.Options;

    /// <summary>Data time between two fits.</summary>
    public TimeSpan RefitInterval { get; }

    /// <summary>The latest usable fit of both sides; null before the first.</summary>
    public TradingIntensityEstimate? Estimate { get; private set; }

    /// <summary>A of the bid side (fills of a resting bid at zero depth), fills per second (0 before a fit).</summary>
    public double BidA => Estimate?.Bid.A ?? 0;

    /// <summary>k of the bid side, per price unit (0 before a fit).</summary>
    public double BidK => Estimate?.Bid.K ?? 0;

    /// <summary>A of the ask side, fills per second (0 before a fit).</summary>
    public double AskA => Estimate?.Ask.A ?? 0;

    /// <summary>k of the ask side, per price unit (0 before a fit).</summary>
    public double AskK => Estimate?.Ask.K ?? 0;

    /// <summary>Fits attempted that were not usable (too little data, or A or k not positive).</summary>
    public long RejectedFits { get; private set; }

    /// <summary>True once a usable fit exists.</summary>
    public override bool IsReady => Estimate is not null;

    private protected override Step Accept(Tick input, double timeSeconds, bool crossesClose)
    {
        var time = OpenMarketTime;
        if (crossesClose && (QuoteBook.IsQuote(input) ? QuoteBook.IsUsable(input) : IsPrice(input.Value)))
        {
            // After a market close: no interval spans it, depths are measured from the new session's quotes.
            _estimator.Interrupt();
            _book.Clear();
        }

        if (QuoteBook.IsQuote(input))
        {
            if (!_book.Apply(input))
            {
                return Step.Skip;
            }

            if (_book.IsValid)
            {
                _estimator.OnMid(time, _book.Mid);
            }
        }
        else
        {
            if (!IsPrice(input.Value))
            {
                return Step.Skip;
            }

            _estimator.OnTrade(time, (double)input.Value, TradeAggressor.Unknown);
        }

        if (_nextRefit == long.MinValue)
        {
            _nextRefit = time.Ticks + _refitTicks;
        }
        else if (time.Ticks >= _nextRefit)
        {
            _nextRefit = time.Ticks + _refitTicks;
            Refit();
        }

        return Estimate is null ? Step.None : Step.Of((BidK + AskK) / 2);
    }

    private protected override void ResetState()
    {
        _estimator.Reset();
        _book.Clear();
        _nextRefit = long.MinValue;
        Estimate = null;
        RejectedFits = 0;
    }

    private void Refit()
    {
        try
        {
            var estimate = _estimator.Estimate();
            if (Usable(estimate.Bid) && Usable(estimate.Ask))
            {
                Estimate = estimate;
                return;
            }
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.InvalidMarketData)
        {
            // Too little trade data for a fit yet.
        }

        RejectedFits++;
    }

    private static bool Usable(IntensityFit fit) =>
        fit.A > 0 && double.IsFinite(fit.A) && fit.K > 0 && double.IsFinite(fit.K);
}
