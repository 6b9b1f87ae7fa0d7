using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Live;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Simulation;
using NodaTime;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Data;
using QuantConnect.Data.Market;

namespace Lean.MarketMaking.Tests.LeanLayer.Live;

/// <summary>
/// The synthetic data queue handler on a hand-driven clock: subscriptions go to LEAN's aggregator, a subscribed symbol
/// streams quote ticks at the configured rate and trade ticks from its order flow, each stamped with the clock in the
/// exchange's time zone when handed over, by tick type subscribed; unsubscribing stops it; the same seed and ticker
/// give the same stream, another ticker another one.
/// </summary>
[TestFixture]
public class SyntheticDataQueueHandlerTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly Symbol Mmc = Symbol.Create("MMCUSD", SecurityType.Crypto, Market.Coinbase);
    private DateTime _now;
    private RecordingAggregator _aggregator = null!;

    [SetUp]
    public void SetUp()
    {
        _now = new DateTime(2026, 12, 3, 19, 0, 0, DateTimeKind.Utc);
        _aggregator = new RecordingAggregator();
    }

    private SyntheticDataQueueHandler Handler(int seed = 1, double quotesPerSecond = 100, double tradesPerSecond = 2) =>
        new ClockedHandler(_aggregator, new SyntheticDataQueueSettings(new SyntheticMarketDynamics(baseTradeRate: tradesPerSecond), seed, quotesPerSecond),
            () => _now);

    private static SubscriptionDataConfig Config(Symbol symbol, TickType type, DateTimeZone? zone = null) =>
        new(symbol, type, Resolution.Tick, zone ?? DateTimeZone.Utc);

    /// <summary>Advances the clock in 10 ms steps over <paramref name="seconds"/>, emitting at each.</summary>
    private void Run(SyntheticDataQueueHandler handler, double seconds)
    {
        for (var i = 0; i < seconds * 100; i++)
        {
            _now = _now.AddMilliseconds(10);
            handler.Emit();
        }
    }

    [Test]
    public void StreamsQuotesAtTheRateAndTradesStampedWithTheirArrival()
    {
        using var handler = Handler();
        var quoteConfig = Config(Mmc, TickType.Quote, NewYork);
        handler.Subscribe(quoteConfig, (_, _) => { });
        handler.Subscribe(Config(Mmc, TickType.Trade, NewYork), (_, _) => { });
        Assert.That(_aggregator.Added, Has.Count.EqualTo(2), "each subscription served by LEAN's aggregator");

        var start = _now;
        Run(handler, 10);
        var quotes = _aggregator.Ticks.Where(t => t.TickType == TickType.Quote).ToList();
        var trades = _aggregator.Ticks.Where(t => t.TickType == TickType.Trade).ToList();
        // 100 updates a second over (0, 10] s after the start: steps 0 … 1000 (the one at 0 goes at the first emit)
        Assert.That(quotes, Has.Count.EqualTo(1001));
        Assert.That(trades, Has.Count.GreaterThan(20), "two-sided Hawkes flow at 2/s a side with branching 0.4");
        Assert.That(quotes, Has.All.Matches<Tick>(t => t.Symbol == Mmc && t.BidPrice > 0 && t.AskPrice > t.BidPrice));
        Assert.That(trades, Has.All.Matches<Tick>(t => t.Value > 0 && t.Quantity >= 1));
        var times = _aggregator.Ticks.Select(t => t.Time).ToList();
        Assert.That(times, Is.Ordered);
        Assert.That(times.First(), Is.EqualTo(ClockedHandler.FromUtc(start.AddMilliseconds(10), NewYork)), "stamped when handed over, exchange time");
        Assert.That(handler.TicksEmitted, Is.EqualTo(quotes.Count + trades.Count));
    }

    [Test]
    public void EmitsOnlyTheSubscribedTickTypesAndStopsWhenUnsubscribed()
    {
        using var handler = Handler();
        var quotes = Config(Mmc, TickType.Quote);
        handler.Subscribe(quotes, (_, _) => { });
        Run(handler, 5);
        Assert.That(_aggregator.Ticks, Is.Not.Empty);
        Assert.That(_aggregator.Ticks, Has.All.Matches<Tick>(t => t.TickType == TickType.Quote), "no trade subscription, no trade tick");

        handler.Unsubscribe(quotes);
        Assert.That(_aggregator.Removed, Is.EqualTo(new[] { quotes }));
        var count = _aggregator.Ticks.Count;
        Run(handler, 2);
        Assert.That(_aggregator.Ticks, Has.Count.EqualTo(count), "nothing after the last subscription went");
    }

    [Test]
    public void TheSameSeedAndTickerGiveTheSameMarketAnotherTickerAnotherOne()
    {
        List<(decimal, decimal, decimal)> Prices(int seed, string ticker)
        {
            _aggregator = new RecordingAggregator();
            using var handler = Handler(seed);
            handler.Subscribe(Config(Symbol.Create(ticker, SecurityType.Crypto, Market.Coinbase), TickType.Quote), (_, _) => { });
            handler.Subscribe(Config(Symbol.Create(ticker, SecurityType.Crypto, Market.Coinbase), TickType.Trade), (_, _) => { });
            Run(handler, 3);
            return _aggregator.Ticks.Select(t => (t.BidPrice, t.AskPrice, t.Value)).ToList();
        }

        Assert.That(Prices(3, "MMCUSD"), Is.EqualTo(Prices(3, "MMCUSD")));
        Assert.That(Prices(3, "XYZUSD"), Is.Not.EqualTo(Prices(3, "MMCUSD")));
        Assert.That(Prices(4, "MMCUSD"), Is.Not.EqualTo(Prices(3, "MMCUSD")));
    }

    [Test]
    public void BadSettingsAreRefused() =>
        Assert.That(() => new SyntheticDataQueueSettings(new SyntheticMarketDynamics(), quotesPerSecond: 0),
            Throws.TypeOf<MarketMakingException>().With.Property(nameof(MarketMakingException.ParameterName)).EqualTo("quotesPerSecond"));

    /// <summary>The handler on the test's clock, emitting only when called, with NodaTime's time-zone conversion (the surface's throws).</summary>
    private sealed class ClockedHandler : SyntheticDataQueueHandler
    {
        public ClockedHandler(IDataAggregator aggregator, SyntheticDataQueueSettings settings, Func<DateTime> utcNow)
            : base(aggregator, settings, utcNow, runThread: false)
        {
        }

        public static DateTime FromUtc(DateTime utc, DateTimeZone zone) =>
            Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).ToDateTimeUnspecified();

        protected override DateTime ToExchangeTime(DateTime utc, DateTimeZone timeZone) => FromUtc(utc, timeZone);
    }

    private sealed class RecordingAggregator : IDataAggregator
    {
        public List<SubscriptionDataConfig> Added { get; } = new();

        public List<SubscriptionDataConfig> Removed { get; } = new();

        public List<Tick> Ticks { get; } = new();

        public IEnumerator<BaseData> Add(SubscriptionDataConfig dataConfig, EventHandler newDataAvailableHandler)
        {
            Added.Add(dataConfig);
            return Enumerable.Empty<BaseData>().GetEnumerator();
        }

        public bool Remove(SubscriptionDataConfig dataConfig)
        {
            Removed.Add(dataConfig);
            return true;
        }

        public void Update(BaseData input) => Ticks.Add((Tick)input);

        public void Dispose()
        {
        }
    }
}
