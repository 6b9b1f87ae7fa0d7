using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Research.Data;

/// <summary>
/// The time zone each market's files are written in: <c>dataTimeZone</c> of LEAN's market-hours database
/// (<c>market-hours/market-hours-database.json</c>, entries keyed <c>SecurityType-market-TICKER</c> with a
/// <c>SecurityType-market-[*]</c> fallback). Ids are IANA names (resolved by <see cref="TimeZoneInfo"/>, which reads
/// tzdata on Linux), <c>UTC</c>, or fixed offsets such as <c>UTC-05</c>.
/// </summary>
public sealed class LeanDataTimeZones
{
    private readonly Dictionary<string, string> _zoneIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    /// <summary>Reads the database's <c>dataTimeZone</c> entries.</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> naming the file when it is missing or malformed.</exception>
    public LeanDataTimeZones(string marketHoursDatabasePath)
    {
        Path = marketHoursDatabasePath ?? throw Guard.Invalid(nameof(marketHoursDatabasePath), "must not be null");
        if (!File.Exists(Path))
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"market-hours database {Path} does not exist", Path);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
            foreach (var entry in document.RootElement.GetProperty("entries").EnumerateObject())
            {
                if (entry.Value.TryGetProperty("dataTimeZone", out var zone) && zone.GetString() is { } id)
                {
                    _zoneIds[entry.Name] = id;
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"market-hours database {Path} is malformed: {e.Message}", Path, e);
        }
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The time zone the files of <paramref name="symbol"/> are written in.</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> when the market or the zone id is unknown.</exception>
    public TimeZoneInfo For(LeanSymbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var prefix = $"{symbol.SecurityType}-{symbol.Market}-";
        if (!_zoneIds.TryGetValue(prefix + symbol.Ticker.ToUpperInvariant(), out var id) && !_zoneIds.TryGetValue(prefix + "[*]", out id))
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"no entry {prefix}[*] in market-hours database {Path}", Path);
        }

        if (!_zones.TryGetValue(id, out var zone))
        {
            zone = Resolve(id);
            _zones[id] = zone;
        }

        return zone;
    }

    private TimeZoneInfo Resolve(string id)
    {
        if (id == "UTC")
        {
            return TimeZoneInfo.Utc;
        }

        // NodaTime-style fixed offsets, e.g. "UTC-05" or "UTC+08:30".
        if (id.StartsWith("UTC", StringComparison.Ordinal) && id.Length > 3
            && TimeSpan.TryParseExact(id[4..], new[] { "hh", "hh\\:mm" }, CultureInfo.InvariantCulture, out var offset))
        {
            var signed = id[3] == '-' ? -offset : offset;
            return TimeZoneInfo.CreateCustomTimeZone(id, signed, id, id);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"time zone '{id}' from {Path} is not known to this system", Path, e);
        }
    }
}
