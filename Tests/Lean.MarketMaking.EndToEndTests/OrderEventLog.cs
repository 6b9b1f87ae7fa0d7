using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Lean.MarketMaking.EndToEndTests;

/// <summary>
/// LEAN's <c>&lt;Algorithm&gt;-order-events.json</c> (written by <c>BaseResultsHandler</c> after a backtest: an array of
/// <c>SerializedOrderEvent</c>, camel-case names, status as a camel-case string, time in Unix seconds) and the checks
/// the end-to-end tests make on it: the inventory after every fill, fill and limit prices against the day's median, the
/// orders sent per fill, and rejected orders.
/// </summary>
public sealed class OrderEventLog
{
    private OrderEventLog(IReadOnlyList<Event> events) => Events = events;

    /// <summary>Every order event, in file order (LEAN's processing order).</summary>
    public IReadOnlyList<Event> Events { get; }

    /// <summary>The fill events (fill quantity ≠ 0).</summary>
    public IEnumerable<Event> Fills => Events.Where(e => e.FillQuantity != 0);

    /// <summary>Number of orders submitted (distinct order ids with a "submitted" event).</summary>
    public int OrdersSubmitted => Events.Where(e => e.Status == "submitted").Select(e => e.OrderId).Distinct().Count();

    /// <summary>Orders submitted per fill event (∞ without a fill).</summary>
    public double OrdersPerFill => Fills.Count() is var fills && fills == 0 ? double.PositiveInfinity : OrdersSubmitted / (double)fills;

    /// <summary>The events LEAN marked invalid (a rejected order or update).</summary>
    public IEnumerable<Event> Invalid => Events.Where(e => e.Status == "invalid");

    /// <summary>Fees of the fill events, in the fee currency, summed.</summary>
    public decimal TotalFees => Events.Sum(e => e.Fee);

    /// <summary>Reads <c>&lt;results&gt;/&lt;algorithm&gt;-order-events.json</c>.</summary>
    public static OrderEventLog Read(string results, string algorithm) =>
        Parse(File.ReadAllText(Path.Combine(results, $"{algorithm}-order-events.json")));

    /// <summary>
    /// Reads a live run's order events: LEAN's live result handler writes them per UTC day, to
    /// <c>&lt;results&gt;/&lt;algorithm&gt;-yyyy-MM-dd-order-events.json</c>; the days in order.
    /// </summary>
    public static OrderEventLog ReadLive(string results, string algorithm) =>
        new(Directory.GetFiles(results, $"{algorithm}-????-??-??-order-events.json").OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => Parse(File.ReadAllText(f)).Events).ToArray());

    /// <summary>Parses the JSON array LEAN writes.</summary>
    public static OrderEventLog Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var events = document.RootElement.EnumerateArray().Select(e => new Event(
                e.GetProperty("orderId").GetInt32(),
                e.GetProperty("symbolValue").GetString()!,
                DateTime.UnixEpoch.AddSeconds(e.GetProperty("time").GetDouble()),
                e.GetProperty("status").GetString()!,
                e.GetProperty("fillPrice").GetDecimal(),
                e.GetProperty("fillQuantity").GetDecimal(),
                e.TryGetProperty("limitPrice", out var limit) && limit.ValueKind == JsonValueKind.Number ? limit.GetDecimal() : null,
                e.TryGetProperty("orderFeeAmount", out var fee) && fee.ValueKind == JsonValueKind.Number ? fee.GetDecimal() : 0m,
                e.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty))
            .ToArray();
        return new OrderEventLog(events);
    }

    /// <summary>
    /// The largest |inventory| of <paramref name="symbol"/> after any fill, the inventory being the cumulative fill
    /// quantity from a flat start, units of the asset.
    /// </summary>
    public decimal MaxAbsoluteInventory(string symbol)
    {
        decimal inventory = 0, max = 0;
        foreach (var fill in Fills.Where(f => f.Symbol == symbol))
        {
            inventory += fill.FillQuantity;
            max = Math.Max(max, Math.Abs(inventory));
        }

        return max;
    }

    /// <summary>
    /// Fill prices and submitted/updated limit prices of <paramref name="symbol"/> outside [<paramref name="low"/>×,
    /// <paramref name="high"/>×] the median fill price of their UTC day (all of them when the day has no fill).
    /// </summary>
    public IReadOnlyList<string> PricesFarFromTheDaysMedian(string symbol, decimal low = 0.5m, decimal high = 2m)
    {
        var bad = new List<string>();
        foreach (var day in Events.Where(e => e.Symbol == symbol).GroupBy(e => e.Time.Date))
        {
            var fills = day.Where(e => e.FillQuantity != 0).Select(e => e.FillPrice).OrderBy(p => p).ToArray();
            if (fills.Length == 0)
            {
                continue;
            }

            var median = fills[fills.Length / 2];
            foreach (var e in day)
            {
                var price = e.FillQuantity != 0 ? e.FillPrice : e.Status is "submitted" or "updateSubmitted" ? e.LimitPrice : null;
                if (price is { } p && (p < low * median || p > high * median))
                {
                    bad.Add(string.Create(CultureInfo.InvariantCulture, $"{e.Time:yyyy-MM-dd HH:mm:ss} order {e.OrderId} {e.Status} at {p} (day's median fill {median})"));
                }
            }
        }

        return bad;
    }

    /// <summary>One order event.</summary>
    /// <param name="OrderId">LEAN's order id.</param>
    /// <param name="Symbol">The symbol's value (ticker).</param>
    /// <param name="Time">UTC time.</param>
    /// <param name="Status">Camel-case status ("submitted", "updateSubmitted", "partiallyFilled", "filled", "canceled", "invalid").</param>
    /// <param name="FillPrice">Fill price (0 without a fill).</param>
    /// <param name="FillQuantity">Signed fill quantity (0 without a fill).</param>
    /// <param name="LimitPrice">The order's limit price, when LEAN wrote one.</param>
    /// <param name="Fee">The event's fee (LEAN charges an order's whole fee on its last fill event).</param>
    /// <param name="Message">LEAN's message (the reason of an invalid event).</param>
    public sealed record Event(int OrderId, string Symbol, DateTime Time, string Status, decimal FillPrice, decimal FillQuantity,
        decimal? LimitPrice, decimal Fee, string Message);
}
