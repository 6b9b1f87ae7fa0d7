using System;

namespace Lean.MarketMaking.Research.Data;

/// <summary>A fill from LEAN's order events.</summary>
/// <param name="TimeUtc">Time of the fill (UTC).</param>
/// <param name="Symbol">Ticker (LEAN's <c>symbolValue</c>).</param>
/// <param name="OrderId">LEAN's order id.</param>
/// <param name="Price">Fill price.</param>
/// <param name="Quantity">Signed fill quantity (&gt; 0 bought).</param>
public readonly record struct LeanFill(DateTime TimeUtc, string Symbol, int OrderId, double Price, double Quantity);
