using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Research.Data;

/// <summary>A security as LEAN's data folder names it: asset class, market (e.g. <c>usa</c>, <c>oanda</c>, <c>coinbase</c>) and ticker.</summary>
public sealed record LeanSymbol
{
    /// <summary>Creates the symbol; market and ticker are stored lower-case, as in LEAN's folder names.</summary>
    public LeanSymbol(LeanSecurityType securityType, string market, string ticker)
    {
        if (string.IsNullOrWhiteSpace(market))
        {
            throw Guard.Invalid(nameof(market), "must not be empty");
        }

        if (string.IsNullOrWhiteSpace(ticker))
        {
            throw Guard.Invalid(nameof(ticker), "must not be empty");
        }

        SecurityType = securityType;
        Market = market.Trim().ToLowerInvariant();
        Ticker = ticker.Trim().ToLowerInvariant();
    }

    /// <summary>Asset class.</summary>
    public LeanSecurityType SecurityType { get; }

    /// <summary>Market folder name, lower-case.</summary>
    public string Market { get; }

    /// <summary>Ticker folder name, lower-case.</summary>
    public string Ticker { get; }

    /// <summary>Whether prices in the files are integers × 10,000 (equities).</summary>
    internal bool ScaledPrices => SecurityType == LeanSecurityType.Equity;

    /// <summary>The asset-class folder name (<c>equity</c>, <c>forex</c>, <c>crypto</c>).</summary>
    internal string Folder => SecurityType.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{SecurityType} {Market} {Ticker.ToUpperInvariant()}");
}
