namespace Lean.MarketMaking.Research.Data;

/// <summary>Open, high, low and close prices of one bar side (price units, already unscaled).</summary>
/// <param name="Open">First price of the bar.</param>
/// <param name="High">Highest price.</param>
/// <param name="Low">Lowest price.</param>
/// <param name="Close">Last price.</param>
public readonly record struct LeanOhlc(double Open, double High, double Low, double Close);
