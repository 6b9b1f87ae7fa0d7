using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Algorithms.MarketData;
using QuantConnect;
using QuantConnect.Data.Market;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// One time step of <see cref="PassiveQuoteFillModel"/> as LEAN's backtesting brokerage runs it: a resting bid and a
/// resting ask evaluated against the step's book (a random walk on a 0.01 grid) and its two ticks (a quote and a trade
/// at the touch), in queue mode and in intensity mode on either clock. The orders rest a dollar away, so they never fill and the steady
/// state (the per-evaluation cost that dominates a backtest) is measured. Built against the LEAN reference surface; run
/// in-process: <c>dotnet run -c Release --project Tests/Lean.MarketMaking.Benchmarks -p:LeanReference=Surface -- --filter '*FillModel*' --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class FillModelBenchmarks
{
    private const int Steps = 4096;
    private static readonly DateTime Start = new(2024, 1, 2, 10, 0, 0);
    private readonly QuoteMarket[] _books = new QuoteMarket[Steps];
    private readonly Tick[][] _ticks = new Tick[Steps][];
    private Security _security = null!;
    private SteppedFillModel _queue = null!;
    private SteppedFillModel _intensity = null!;
    private SteppedFillModel _depletions = null!;
    private LimitOrder _bid = null!;
    private LimitOrder _ask = null!;
    private int _step;

    /// <summary>Prepares the book and tick stream and the two resting orders.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var symbol = Symbol.Create("BTCUSDT", SecurityType.Crypto, Market.Binance);
        _security = new Security(symbol, new SymbolProperties("bench", "USDT", 1m, 0.01m, 0.001m, "bench"));
        var random = new Random(5);
        var mid = 100m;
        for (var i = 0; i < Steps; i++)
        {
            mid += (random.Next(3) - 1) * 0.01m;
            var time = Start.AddMilliseconds(250 * i);
            _books[i] = new QuoteMarket(mid - 0.01m, mid + 0.01m, 2m, 2m, time, time, 0.01m, 0.001m, mid);
            _ticks[i] = new[]
            {
                new Tick(time, symbol, 2m, mid - 0.01m, 2m, mid + 0.01m),
                new Tick(time, symbol, "", "", 0.5m, random.Next(2) == 0 ? mid - 0.01m : mid + 0.01m),
            };
        }

        _bid = new LimitOrder(symbol, 1m, 99m, Start.AddSeconds(-1)) { Id = 1, Status = OrderStatus.Submitted };
        _ask = new LimitOrder(symbol, -1m, 101m, Start.AddSeconds(-1)) { Id = 2, Status = OrderStatus.Submitted };
        _queue = new SteppedFillModel(PassiveFillMode.QueuePosition, null);
        _intensity = new SteppedFillModel(PassiveFillMode.Intensity, new IntensityFill(0.05, 10, 42));
        _depletions = new SteppedFillModel(PassiveFillMode.Intensity, new IntensityFill(0.05, 10, 42, IntensityClock.Depletions));
    }

    /// <summary>Queue mode: one step, both orders evaluated.</summary>
    [Benchmark]
    public decimal QueueStep() => Evaluate(_queue);

    /// <summary>Intensity mode on the seconds clock: one step, both orders evaluated.</summary>
    [Benchmark]
    public decimal IntensityStep() => Evaluate(_intensity);

    /// <summary>Intensity mode on the depletion clock: one step, both orders evaluated.</summary>
    [Benchmark]
    public decimal DepletionStep() => Evaluate(_depletions);

    private decimal Evaluate(SteppedFillModel model)
    {
        // time moves on at every call; the prepared steps are reused with their ticks re-stamped
        _step++;
        var ticks = _ticks[_step % Steps];
        var time = Start.AddMilliseconds(250.0 * _step);
        ticks[0].Time = time;
        ticks[1].Time = time;
        model.Now = time;
        model.Book = _books[_step % Steps] with { LastDataTime = time, LocalTime = time };
        model.Ticks = ticks;
        return model.LimitFill(_security, _bid).FillQuantity + model.LimitFill(_security, _ask).FillQuantity;
    }

    /// <summary>The fill model with the engine reads (clock, book, ticks, exchange hours) served from the prepared step.</summary>
    private sealed class SteppedFillModel : PassiveQuoteFillModel
    {
        public SteppedFillModel(PassiveFillMode mode, IntensityFill? intensity)
            : base(mode, intensity)
        {
        }

        public DateTime Now { get; set; }

        public QuoteMarket Book { get; set; }

        public IEnumerable<Tick> Ticks { get; set; } = Array.Empty<Tick>();

        protected override DateTime GetUtcTime(Security asset) => Now;

        protected override QuoteMarket GetMarket(Security asset) => Book;

        protected override IEnumerable<Tick> GetTicks(Security asset) => Ticks;

        protected override bool IsExchangeOpen(Security asset, bool isExtendedMarketHours) => true;

        protected override DateTime OpenSince(Security asset, DateTime fromUtc, DateTime utcNow) => fromUtc;
    }
}
