using System;
using System.Threading;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Data;
using QuantConnect.Data.Market;
using QuantConnect.Securities;
using QuantConnect.Securities.Interfaces;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// LEAN data filter (<see cref="ISecurityDataFilter"/>, applied by LEAN's <c>SubscriptionFilterEnumerator</c> before a
/// data point reaches the security's cache, its holdings' valuation or the algorithm) that drops bad prints:
/// <list type="bullet">
/// <item><see cref="MarketDataIssue.NonPositive"/>: a negative price or size, a quote tick with both sides zero, a trade
/// (or bar) at a price ≤ 0, a trade of size ≤ 0 (a quote tick with one side zero is a one-sided update and passes;
/// quote sizes of zero pass, forex feeds carry none);</item>
/// <item><see cref="MarketDataIssue.Crossed"/>: a quote tick crossed by more than
/// <see cref="BadPrintFilterSettings.CrossedTolerance"/> (a lock or a small cross is left to portfolio construction's
/// persistence rule, see <see cref="QuoteScreen"/>);</item>
/// <item><see cref="MarketDataIssue.OutOfOrder"/>: a data point stamped before the last accepted one of its stream;</item>
/// <item><see cref="MarketDataIssue.Spike"/>: a price move beyond k σ of the security's own volatility not yet confirmed
/// by persistence (<see cref="SpikeFilter"/>, the rule portfolio construction uses): a genuine jump passes once
/// confirmed, so the price never freezes. Quotes are judged on the mid of the book they update (a one-sided tick
/// moves one side; until both sides are known there is no mid to judge), trades and bars on their price.</item>
/// </list>
/// LEAN filters each subscription (trade ticks, quote ticks, bars) on its own worker thread, so the state is kept per
/// stream, each under its own lock; O(1) state per stream, no allocation on an accepted or silently dropped point,
/// never throws. Counts what it dropped per kind (<see cref="DroppedOf"/>) and logs each kind at most once per
/// <see cref="BadPrintFilterSettings.LogInterval"/>, with the count since the previous line. What a filter cannot see
/// (staleness, the symbol's properties, how long a book stays locked) stays with portfolio construction.
/// </summary>
public sealed class BadPrintDataFilter : ISecurityDataFilter
{
    private const int StreamSlots = 6;
    private static readonly int KindCount = Enum.GetValues<MarketDataIssue>().Length;

    private readonly Stream?[] _streams = new Stream?[StreamSlots];
    private readonly long[] _dropped = new long[KindCount];
    private readonly Action<string>? _log;

    /// <summary>Creates the filter of one security.</summary>
    /// <param name="settings">Thresholds; default <see cref="BadPrintFilterSettings.Default"/>.</param>
    /// <param name="log">Where its bounded log lines go (e.g. the algorithm's <c>Log</c>); none if null.</param>
    public BadPrintDataFilter(BadPrintFilterSettings? settings = null, Action<string>? log = null)
    {
        Settings = settings ?? BadPrintFilterSettings.Default;
        _log = log;
    }

    /// <summary>The filter's settings.</summary>
    public BadPrintFilterSettings Settings { get; }

    /// <summary>Number of data points dropped, all kinds.</summary>
    public long Dropped
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _dropped.Length; i++)
            {
                total += Interlocked.Read(ref _dropped[i]);
            }

            return total;
        }
    }

    /// <summary>
    /// Sets a <see cref="BadPrintDataFilter"/> logging to the algorithm's log as <paramref name="security"/>'s LEAN data
    /// filter, unless it already has one; call it in <c>Initialize</c> right after subscribing (LEAN reads the filter
    /// when it opens the subscription).
    /// </summary>
    /// <returns>The security's filter.</returns>
    public static BadPrintDataFilter Install(QCAlgorithm algorithm, Security security, BadPrintFilterSettings? settings = null)
    {
        if (security.DataFilter is BadPrintDataFilter installed)
        {
            return installed;
        }

        var filter = new BadPrintDataFilter(settings, algorithm.Log);
        security.SetDataFilter(filter);
        return filter;
    }

    /// <summary>Number of data points dropped as <paramref name="kind"/>.</summary>
    public long DroppedOf(MarketDataIssue kind) => (uint)kind < (uint)_dropped.Length ? Interlocked.Read(ref _dropped[(int)kind]) : 0;

    /// <summary>True to pass <paramref name="data"/> on to LEAN, false to drop it.</summary>
    /// <param name="vehicle">The security the data belongs to.</param>
    /// <param name="data">The data point.</param>
    public bool Filter(Security vehicle, BaseData data)
    {
        if (data is null)
        {
            return true;
        }

        var stream = StreamOf(data);
        lock (stream)
        {
            var (issue, price) = Check(stream, data);
            if (issue == MarketDataIssue.None)
            {
                stream.LastTime = data.EndTime;
                stream.HasLastTime = true;
                return true;
            }

            Interlocked.Increment(ref _dropped[(int)issue]);
            if (_log is not null && stream.Log[(int)issue].Occur(data.EndTime, Settings.LogInterval, out var occurrences))
            {
                _log($"{nameof(BadPrintDataFilter)}: dropped {data.Symbol} {issue} at {data.EndTime:O} (price {price}); {occurrences} time(s) since the last line");
            }

            return false;
        }
    }

    private (MarketDataIssue Issue, decimal Price) Check(Stream stream, BaseData data)
    {
        var time = data.EndTime;
        if (stream.HasLastTime && time < stream.LastTime)
        {
            if (stream.LastTime - time <= Settings.OutOfOrderWindow)
            {
                return (MarketDataIssue.OutOfOrder, data.Value);
            }

            // far back: a new stream through the same filter (a history request); start again
            stream.Spikes.Reset();
            (stream.LastBid, stream.LastAsk) = (0, 0);
        }

        decimal price;
        if (data is Tick { TickType: TickType.Quote } quote)
        {
            var (bid, ask) = (quote.BidPrice, quote.AskPrice);
            if (bid < 0 || ask < 0 || quote.BidSize < 0 || quote.AskSize < 0 || (bid == 0 && ask == 0))
            {
                return (MarketDataIssue.NonPositive, data.Value);
            }

            if (bid > 0 && ask > 0 && bid - ask > (decimal)Settings.CrossedTolerance * ask)
            {
                return (MarketDataIssue.Crossed, data.Value);
            }

            // a one-sided update moves one side of the book LEAN's cache keeps: the mid of the merged book is the price
            // (the bid and ask alone are two series: an ask-only tick after a bid-only one is no move)
            var mergedBid = bid > 0 ? bid : stream.LastBid;
            var mergedAsk = ask > 0 ? ask : stream.LastAsk;
            price = (mergedBid / 2) + (mergedAsk / 2);
            if (mergedBid > 0 && mergedAsk > 0 && !stream.Spikes.Accept(price, time))
            {
                return (MarketDataIssue.Spike, price);
            }

            (stream.LastBid, stream.LastAsk) = (mergedBid, mergedAsk);
            return (MarketDataIssue.None, price);
        }
        else
        {
            price = data.Value;
            if (price <= 0 || (data is Tick { TickType: TickType.Trade } trade && trade.Quantity <= 0))
            {
                return (MarketDataIssue.NonPositive, price);
            }
        }

        return stream.Spikes.Accept(price, time) ? (MarketDataIssue.None, price) : (MarketDataIssue.Spike, price);
    }

    /// <summary>The stream of <paramref name="data"/>: trade ticks, quote ticks, other ticks, or one slot per bar type.</summary>
    private Stream StreamOf(BaseData data)
    {
        if (data is Tick tick)
        {
            return Slot(tick.TickType switch { TickType.Trade => 0, TickType.Quote => 1, _ => 2 }, typeof(Tick));
        }

        var type = data.GetType();
        for (var slot = 3; ; slot++)
        {
            var stream = Slot(slot, type);
            if (ReferenceEquals(stream.Type, type) || slot == StreamSlots - 1)
            {
                return stream;
            }
        }
    }

    private Stream Slot(int slot, Type type)
    {
        if (Volatile.Read(ref _streams[slot]) is { } stream)
        {
            return stream;
        }

        Interlocked.CompareExchange(ref _streams[slot], new Stream(type, Settings.SpikeFilter, KindCount), null);
        return _streams[slot]!;
    }

    /// <summary>The state of one stream of data points.</summary>
    private sealed class Stream(Type type, SpikeFilterSettings spikes, int kinds)
    {
        public Type Type { get; } = type;

        public SpikeFilter Spikes { get; } = new(spikes);

        public IssueThrottle[] Log { get; } = new IssueThrottle[kinds];

        public DateTime LastTime { get; set; }

        /// <summary>The last accepted bid and ask of a quote stream (0 until seen).</summary>
        public decimal LastBid { get; set; }

        /// <inheritdoc cref="LastBid"/>
        public decimal LastAsk { get; set; }

        public bool HasLastTime { get; set; }
    }
}
