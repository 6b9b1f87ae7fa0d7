namespace Lean.MarketMaking.Research.Data;

/// <summary>The asset classes whose LEAN files <see cref="LeanDataReader"/> reads (LEAN's <c>SecurityType</c>).</summary>
public enum LeanSecurityType
{
    /// <summary>Equities: prices stored as integers × 10,000; folder <c>equity</c>.</summary>
    Equity,

    /// <summary>Currency pairs: quote data only, prices unscaled; folder <c>forex</c>.</summary>
    Forex,

    /// <summary>Crypto-currencies: prices unscaled; folder <c>crypto</c>.</summary>
    Crypto,
}
