using System;
using System.Collections.Generic;
using System.Threading;
using Lean.MarketMaking.Models.Simulation;
using NodaTime;
using QuantConnect;
using QuantConnect.Configuration;
using QuantConnect.Data;
using QuantConnect.Data.Market;
using QuantConnect.Interfaces;
using QuantConnect.Packets;
using QuantConnect.Util;

namespace Lean.MarketMaking.Live;

/// <summary>
/// An offline live market for LEAN: an <see cref="IDataQueueHandler"/> that streams the synthetic market of
/// <c>generate-data</c> (<see cref="SyntheticMarketGenerator"/>: jump-diffusion mid, a book a few ticks either side of
/// it, two-sided Hawkes market orders walking exponential depths) in real time for every subscribed symbol, each from
/// its own <see cref="SyntheticMarketStream"/> seeded by <see cref="SyntheticDataQueueSettings.Seed"/> and the ticker,
/// starting when it is first subscribed, with a quote tick every 1 / <see cref="SyntheticDataQueueSettings.QuotesPerSecond"/>
/// seconds and trade ticks as the order flow has them. Quote ticks go out while a quote subscription of the symbol is
/// open, trade ticks while a trade one is (LEAN subscribes both for crypto ticks; bars are aggregated from them by LEAN's
/// <see cref="IDataAggregator"/>). Each tick is stamped with the wall-clock time it is handed to LEAN (in the exchange's
/// time zone): its arrival. Select it with LEAN's <c>data-queue-handler</c> setting
/// (<c>["Lean.MarketMaking.Live.SyntheticDataQueueHandler"]</c>); LEAN's Composer loads it from its own folder, like
/// LEAN's <c>FakeDataQueue</c>, whose construction (the aggregator from the Composer, a timer thread) it follows.
/// Option and future chains (<c>IDataQueueUniverseProvider</c>) are not provided.
/// </summary>
public class SyntheticDataQueueHandler : IDataQueueHandler
{
    private readonly IDataAggregator _aggregator;
    private readonly SyntheticMarketGenerator _generator;
    private readonly Func<DateTime> _utcNow;
    private readonly Dictionary<Symbol, SymbolStream> _streams = new();
    private readonly object _lock = new();
    private readonly bool _runThread;
    private Thread? _thread;
    private volatile bool _disposed;

    /// <summary>
    /// The handler LEAN's Composer creates: LEAN's aggregator (the <c>data-aggregator</c> setting, LEAN's
    /// <c>AggregationManager</c> by default) and <see cref="SyntheticDataQueueSettings.FromConfig"/>, on the wall clock.
    /// </summary>
    public SyntheticDataQueueHandler()
        : this(Composer.Instance.GetExportedValueByTypeName<IDataAggregator>(
                Config.Get("data-aggregator", "QuantConnect.Lean.Engine.DataFeeds.AggregationManager"), forceTypeNameOnExisting: false),
            SyntheticDataQueueSettings.FromConfig())
    {
    }

    /// <summary>Creates the handler.</summary>
    /// <param name="aggregator">Where ticks go (LEAN's aggregator turns them into each subscription's data).</param>
    /// <param name="settings">Market, seed and rate.</param>
    /// <param name="utcNow">The clock (default: the wall clock, <see cref="DateTime.UtcNow"/>).</param>
    /// <param name="runThread">True: a background thread emits what is due every millisecond; false: the caller calls <see cref="Emit"/>.</param>
    public SyntheticDataQueueHandler(IDataAggregator aggregator, SyntheticDataQueueSettings settings, Func<DateTime>? utcNow = null, bool runThread = true)
    {
        _aggregator = aggregator ?? throw new ArgumentNullException(nameof(aggregator));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _generator = new SyntheticMarketGenerator(settings.Dynamics);
        _utcNow = utcNow ?? (() => DateTime.UtcNow);
        _runThread = runThread;
    }

    /// <summary>Market, seed and rate.</summary>
    public SyntheticDataQueueSettings Settings { get; }

    /// <summary>Always true: the market is in this process.</summary>
    public bool IsConnected => true;

    /// <summary>Ticks handed to LEAN so far.</summary>
    public long TicksEmitted { get; private set; }

    /// <summary>Subscribes: LEAN's aggregator serves the subscription; the symbol's market starts streaming if it was not.</summary>
    public IEnumerator<BaseData> Subscribe(SubscriptionDataConfig dataConfig, EventHandler newDataAvailableHandler)
    {
        ArgumentNullException.ThrowIfNull(dataConfig);
        var enumerator = _aggregator.Add(dataConfig, newDataAvailableHandler);
        lock (_lock)
        {
            if (!_streams.TryGetValue(dataConfig.Symbol, out var stream))
            {
                stream = new SymbolStream(
                    new SyntheticMarketStream(_generator, SymbolSeed(dataConfig.Symbol), Settings.QuotesPerSecond, Settings.SegmentSeconds),
                    dataConfig.ExchangeTimeZone, _utcNow());
                _streams[dataConfig.Symbol] = stream;
            }

            stream.Add(dataConfig.TickType, +1);
            if (_runThread && _thread is null && !_disposed)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = nameof(SyntheticDataQueueHandler) };
                _thread.Start();
            }
        }

        return enumerator;
    }

    /// <summary>Unsubscribes; a symbol's market stops when its last subscription goes (a new one starts it afresh).</summary>
    public void Unsubscribe(SubscriptionDataConfig dataConfig)
    {
        ArgumentNullException.ThrowIfNull(dataConfig);
        lock (_lock)
        {
            if (_streams.TryGetValue(dataConfig.Symbol, out var stream) && stream.Add(dataConfig.TickType, -1))
            {
                _streams.Remove(dataConfig.Symbol);
            }
        }

        _aggregator.Remove(dataConfig);
    }

    /// <summary>Nothing to take from the job: the settings come from the configuration.</summary>
    public void SetJob(LiveNodePacket job)
    {
    }

    /// <summary>
    /// Hands LEAN every tick due by now (the clock), in time order per symbol, each stamped with the clock read when it
    /// is handed over. Called by the background thread; tests call it directly.
    /// </summary>
    public void Emit()
    {
        lock (_lock)
        {
            foreach (var (symbol, stream) in _streams)
            {
                if (symbol.IsCanonical())
                {
                    continue;
                }

                var elapsed = (_utcNow() - stream.StartUtc).TotalSeconds;
                SyntheticMarketEventKind kind;
                while ((kind = stream.Market.TryDequeue(elapsed, out var quote, out var trade)) != SyntheticMarketEventKind.None)
                {
                    Tick? tick = null;
                    if (kind == SyntheticMarketEventKind.Quote && stream.Quotes > 0)
                    {
                        tick = new Tick(Now(stream), symbol, quote.BidSize, quote.Bid, quote.AskSize, quote.Ask);
                    }
                    else if (kind == SyntheticMarketEventKind.Trade && stream.Trades > 0)
                    {
                        tick = new Tick(Now(stream), symbol, string.Empty, string.Empty, trade.Quantity, trade.Price);
                    }

                    if (tick is not null)
                    {
                        _aggregator.Update(tick);
                        TicksEmitted++;
                    }
                }
            }
        }
    }

    /// <summary>Stops the background thread.</summary>
    public void Dispose()
    {
        _disposed = true;
        _thread?.Join(TimeSpan.FromSeconds(5));
        GC.SuppressFinalize(this);
    }

    /// <summary>The seed of a symbol's stream: the settings' seed combined with the ticker (FNV-1a, stable across runs).</summary>
    internal int SymbolSeed(Symbol symbol)
    {
        var hash = 2166136261u;
        foreach (var c in symbol.Value)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked(Settings.Seed + (int)hash);
    }

    /// <summary>The exchange time of a UTC time (LEAN's <c>ConvertFromUtc</c>).</summary>
    protected virtual DateTime ToExchangeTime(DateTime utc, DateTimeZone timeZone) => utc.ConvertFromUtc(timeZone);

    private DateTime Now(SymbolStream stream) => ToExchangeTime(_utcNow(), stream.TimeZone);

    private void Run()
    {
        while (!_disposed)
        {
            Emit();
            Thread.Sleep(1);
        }
    }

    /// <summary>One symbol's market and its open subscriptions by tick type.</summary>
    private sealed class SymbolStream
    {
        public SymbolStream(SyntheticMarketStream market, DateTimeZone timeZone, DateTime startUtc)
        {
            Market = market;
            TimeZone = timeZone;
            StartUtc = startUtc;
        }

        public SyntheticMarketStream Market { get; }

        public DateTimeZone TimeZone { get; }

        public DateTime StartUtc { get; }

        public int Quotes { get; private set; }

        public int Trades { get; private set; }

        /// <summary>Counts a subscription of the tick type in or out; true when none is left.</summary>
        public bool Add(TickType tickType, int change)
        {
            if (tickType == TickType.Quote)
            {
                Quotes = Math.Max(0, Quotes + change);
            }
            else if (tickType == TickType.Trade)
            {
                Trades = Math.Max(0, Trades + change);
            }

            return Quotes == 0 && Trades == 0;
        }
    }
}
