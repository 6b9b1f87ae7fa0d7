using System;
using System.Globalization;
using System.IO;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Research.Data;

/// <summary>
/// Looks up a security's minimum price variation (tick size) and lot size in LEAN's
/// <c>symbol-properties/symbol-properties-database.csv</c> (columns: market, symbol, type, description, quote currency,
/// contract multiplier, minimum price variation, lot size, …), falling back, as LEAN does, on the market's
/// <c>[*]</c> row for the security type.
/// </summary>
/// <param name="MinimumPriceVariation">Tick size, price units.</param>
/// <param name="LotSize">Lot size, units of the asset.</param>
public sealed record LeanSymbolProperties(double MinimumPriceVariation, double LotSize)
{
    /// <summary>Reads the entry for <paramref name="symbol"/> from the database under <paramref name="dataFolder"/>.</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> when the file, the entry or its numbers are missing or invalid.</exception>
    public static LeanSymbolProperties For(string dataFolder, LeanSymbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var path = Path.Combine(dataFolder, "symbol-properties", "symbol-properties-database.csv");
        if (!File.Exists(path))
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"{path} does not exist", "symbolProperties");
        }

        var type = symbol.SecurityType.ToString();
        string[]? wildcard = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length < 8 || !cells[0].Equals(symbol.Market, StringComparison.OrdinalIgnoreCase)
                || !cells[2].Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (cells[1].Equals(symbol.Ticker, StringComparison.OrdinalIgnoreCase))
            {
                return Parse(cells, path);
            }

            if (cells[1] == "[*]")
            {
                wildcard = cells;
            }
        }

        return wildcard is not null
            ? Parse(wildcard, path)
            : throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"no entry for {symbol} (nor a [*] row) in {path}", "symbolProperties");
    }

    private static LeanSymbolProperties Parse(string[] cells, string path)
    {
        if (double.TryParse(cells[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var tick) && tick > 0 && double.IsFinite(tick)
            && double.TryParse(cells[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var lot) && lot > 0 && double.IsFinite(lot))
        {
            return new LeanSymbolProperties(tick, lot);
        }

        throw new MarketMakingException(
            MarketMakingErrorKind.InvalidMarketData, $"invalid minimum price variation or lot size in {path}: {string.Join(',', cells)}", "symbolProperties");
    }
}
