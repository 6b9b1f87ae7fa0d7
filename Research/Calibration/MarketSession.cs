using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Research.Data;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// The regular trading session of a security from LEAN's market-hours database: the segments in state <c>market</c>
/// of each weekday, in the entry's <c>exchangeTimeZone</c> (pre- and post-market segments are excluded; holidays and
/// early closes are not applied — days without data are simply absent). Also fixes the seconds-per-year convention used
/// to annualise variances per second of session time.
/// </summary>
internal sealed class MarketSession
{
    private readonly TimeZoneInfo _exchangeZone;
    private readonly List<(TimeSpan Start, TimeSpan End)>[] _segments;

    private MarketSession(TimeZoneInfo exchangeZone, List<(TimeSpan Start, TimeSpan End)>[] segments, LeanSecurityType type)
    {
        _exchangeZone = exchangeZone;
        _segments = segments;
        (TradingDaysPerYear, SessionSecondsPerDay) = type switch
        {
            // US equities: 252 trading days of one regular session (6.5 h in the database).
            LeanSecurityType.Equity => (252.0, MarketSeconds(DayOfWeek.Wednesday)),

            // Forex trades around the clock on weekdays: 52 × 5 = 260 days of 24 h.
            LeanSecurityType.Forex => (260.0, 86_400.0),

            // Crypto never closes: calendar time.
            _ => (365.0, 86_400.0),
        };
    }

    /// <summary>Trading days per year of the annualisation convention.</summary>
    public double TradingDaysPerYear { get; }

    /// <summary>Session seconds per trading day of the annualisation convention.</summary>
    public double SessionSecondsPerDay { get; }

    /// <summary>Seconds of session time per year: <see cref="TradingDaysPerYear"/> × <see cref="SessionSecondsPerDay"/>.</summary>
    public double SecondsPerYear => TradingDaysPerYear * SessionSecondsPerDay;

    /// <summary>The convention in words, for the output.</summary>
    public string Convention => FormattableString.Invariant(
        $"{TradingDaysPerYear} trading days x {SessionSecondsPerDay} session seconds per day; variances are per second of in-session time, overnight and weekend gaps excluded");

    /// <summary>Reads the regular session of <paramref name="symbol"/> from the data folder's market-hours database.</summary>
    /// <exception cref="MarketMakingException">InvalidMarketData when the database has no entry for the symbol's market or is malformed.</exception>
    public static MarketSession Load(LeanDataReader reader, LeanSymbol symbol)
    {
        var path = reader.TimeZones.Path;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var entries = document.RootElement.GetProperty("entries");
            var prefix = $"{symbol.SecurityType}-{symbol.Market}-";
            if (!entries.TryGetProperty(prefix + symbol.Ticker.ToUpperInvariant(), out var entry) && !entries.TryGetProperty(prefix + "[*]", out entry))
            {
                throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"market '{symbol.Market}' has no {symbol.SecurityType} entry in {path}", "market");
            }

            var zone = ResolveZone(entry.GetProperty("exchangeTimeZone").GetString() ?? "UTC", path);
            var segments = new List<(TimeSpan, TimeSpan)>[7];
            for (var d = 0; d < 7; d++)
            {
                segments[d] = new List<(TimeSpan, TimeSpan)>();
                if (!entry.TryGetProperty(((DayOfWeek)d).ToString().ToLowerInvariant(), out var day))
                {
                    continue;
                }

                foreach (var segment in day.EnumerateArray())
                {
                    if (segment.GetProperty("state").GetString() == "market")
                    {
                        segments[d].Add((Parse(segment, "start"), Parse(segment, "end")));
                    }
                }
            }

            return new MarketSession(zone, segments, symbol.SecurityType);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"market-hours database {path} is malformed: {e.Message}", path, e);
        }
    }

    /// <summary>Whether <paramref name="utc"/> falls inside a regular-session segment (start inclusive, end exclusive).</summary>
    public bool IsOpen(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, _exchangeZone);
        var time = local.TimeOfDay;
        foreach (var (start, end) in _segments[(int)local.DayOfWeek])
        {
            if (time >= start && time < end)
            {
                return true;
            }
        }

        return false;
    }

    private double MarketSeconds(DayOfWeek day)
    {
        var seconds = 0.0;
        foreach (var (start, end) in _segments[(int)day])
        {
            seconds += (end - start).TotalSeconds;
        }

        return seconds > 0 ? seconds : 86_400.0;
    }

    private static TimeSpan Parse(JsonElement segment, string name) =>
        TimeSpan.Parse(segment.GetProperty(name).GetString() ?? throw new FormatException($"segment {name} is null"), CultureInfo.InvariantCulture);

    private static TimeZoneInfo ResolveZone(string id, string path)
    {
        try
        {
            return id == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"exchange time zone '{id}' from {path} is not known to this system", path, e);
        }
    }
}
