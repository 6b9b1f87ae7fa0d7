using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Lean.MarketMaking.Research.Data;
using QuantConnect;
using QuantConnect.Data.Market;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

/// <summary>Seeded synthetic inputs for the indicators, the LEAN-tick conversion of sample data, and memory probes.</summary>
internal static class IndicatorInputs
{
    public static readonly DateTime Start = new(2024, 1, 2, 9, 30, 0);
    public static readonly Symbol Symbol = Symbol.Create("TEST", SecurityType.Equity, Market.USA);

    /// <summary>
    /// A tick stream with 0.01 price steps: every step a quote tick (mid random walk, spread one or two ticks) and, with
    /// probability 0.4, a trade at the bid or the ask (or, one time in ten, at the mid). Times 100 ms apart.
    /// </summary>
    public static Tick[] Ticks(int steps, int seed = 1)
    {
        var random = new Random(seed);
        var ticks = new List<Tick>(steps * 2);
        var mid = 10000; // in cents
        for (var i = 0; i < steps; i++)
        {
            var time = Start.AddTicks(i * TimeSpan.TicksPerMillisecond * 100);
            mid += random.Next(3) - 1;
            var half = random.Next(2) + 1;
            var bid = (mid - half) / 100m;
            var ask = (mid + half) / 100m;
            ticks.Add(new Tick(time, Symbol, 100, bid, 200, ask));
            if (random.NextDouble() < 0.4)
            {
                var u = random.NextDouble();
                var price = u < 0.1 ? mid / 100m : u < 0.55 ? ask + (random.Next(3) / 100m) : bid - (random.Next(3) / 100m);
                ticks.Add(new Tick(time, Symbol, "", "", 10, price));
            }
        }

        return ticks.ToArray();
    }

    /// <summary>Prices of a geometric Brownian motion (volatility per √second <paramref name="sigma"/>) every <paramref name="stepSeconds"/>, with optional jumps of ±<paramref name="jumpSize"/> (log) at the given steps.</summary>
    public static IndicatorDataPoint[] Prices(int steps, double sigma = 1e-4, double stepSeconds = 1, int seed = 2, double jumpSize = 0, params int[] jumpSteps)
    {
        var random = new Random(seed);
        var points = new IndicatorDataPoint[steps];
        var logPrice = Math.Log(100);
        for (var i = 0; i < steps; i++)
        {
            logPrice += sigma * Math.Sqrt(stepSeconds) * Normal(random);
            if (jumpSteps.Contains(i))
            {
                logPrice += random.Next(2) == 0 ? jumpSize : -jumpSize;
            }

            points[i] = new IndicatorDataPoint(Symbol, Start.AddTicks((long)(i * stepSeconds * TimeSpan.TicksPerSecond)), (decimal)Math.Exp(logPrice));
        }

        return points;
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static double Seconds(DateTime time, DateTime origin) => (time - origin).Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary>A copy of <paramref name="data"/> (a tick or a data point) dated <paramref name="time"/>.</summary>
    public static QuantConnect.Data.BaseData Retime(QuantConnect.Data.BaseData data, DateTime time) => data switch
    {
        Tick { TickType: TickType.Quote } q => new Tick(time, q.Symbol, q.BidSize, q.BidPrice, q.AskSize, q.AskPrice),
        Tick t => new Tick(time, t.Symbol, "", "", t.Quantity, t.Value),
        _ => new IndicatorDataPoint(data.Symbol, time, data.Value),
    };

    /// <summary>A sample-data tick as a surface LEAN tick.</summary>
    public static Tick ToTick(LeanTick t, Symbol symbol) =>
        t.Type == LeanDataType.Quote
            ? new Tick(t.TimeUtc, symbol, (decimal)t.BidSize, (decimal)t.BidPrice, (decimal)t.AskSize, (decimal)t.AskPrice)
            : new Tick(t.TimeUtc, symbol, t.SaleCondition, t.Exchange, (decimal)t.Quantity, (decimal)t.Price);

    /// <summary>
    /// Total number of elements of the arrays and collections reachable from <paramref name="root"/> through instance
    /// fields (LEAN's own data points and symbols excluded): the size of an indicator's internal buffers.
    /// </summary>
    public static long BufferElements(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        long total = 0;
        var stack = new Stack<object>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            if (!seen.Add(o) || o is string || o is Symbol || o is QuantConnect.Data.BaseData && !ReferenceEquals(o, root) || o is Type || o is Pointer)
            {
                continue;
            }

            if (o is Array array)
            {
                total += array.Length;
                if (!array.GetType().GetElementType()!.IsValueType)
                {
                    foreach (var e in array)
                    {
                        if (e is not null)
                        {
                            stack.Push(e);
                        }
                    }
                }

                continue;
            }

            if (o is ICollection collection)
            {
                total += collection.Count;
            }

            for (var type = o.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                {
                    if (!field.FieldType.IsValueType && field.GetValue(o) is { } value)
                    {
                        stack.Push(value);
                    }
                }
            }
        }

        return total;
    }
}
