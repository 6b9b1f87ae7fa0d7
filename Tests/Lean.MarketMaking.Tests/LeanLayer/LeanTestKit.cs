using System;
using System.Collections.Generic;
using QuantConnect;
using QuantConnect.Data.Market;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Tests.LeanLayer;

/// <summary>Builds surface LEAN objects holding values: a crypto security with a tick of 0.01 and a lot of 0.001.</summary>
internal static class LeanTestKit
{
    public const decimal TickSize = 0.01m;
    public const decimal Lot = 0.001m;
    public static readonly DateTime Start = new(2024, 1, 2, 10, 0, 0, DateTimeKind.Unspecified);

    public static Symbol Btc { get; } = Symbol.Create("BTCUSDT", SecurityType.Crypto, Market.Binance);

    public static Security NewSecurity(Symbol? symbol = null, decimal tick = TickSize, decimal lot = Lot) =>
        new(symbol ?? Btc, new SymbolProperties("test", "USDT", 1m, tick, lot, "test"));

    /// <summary>Sets the security's book (a quote tick at <paramref name="time"/>) and its local time.</summary>
    public static Security Quote(this Security security, decimal bid, decimal ask, DateTime time, decimal bidSize = 1m, decimal askSize = 1m)
    {
        security.Cache.AddData(new Tick(time, security.Symbol, bidSize, bid, askSize, ask));
        security.SetLocalTimeForTests(time);
        return security;
    }

    public static Security Holding(this Security security, decimal quantity)
    {
        security.Holdings.SetQuantityForTests(quantity);
        return security;
    }

    public static SecurityChanges Added(params Security[] securities) =>
        SecurityChanges.Create(securities, Array.Empty<Security>(), Array.Empty<Security>(), Array.Empty<Security>());

    public static SecurityChanges Removed(params Security[] securities) =>
        SecurityChanges.Create(Array.Empty<Security>(), securities, Array.Empty<Security>(), Array.Empty<Security>());

    /// <summary>Collects log lines.</summary>
    public sealed class LogSink
    {
        public List<string> Lines { get; } = new();

        public void Add(string line) => Lines.Add(line);
    }
}
