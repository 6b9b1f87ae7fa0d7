using System;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>One in-session event of the calibration stream: a new prevailing mid, or a trade.</summary>
/// <param name="TimeUtc">Event time, UTC.</param>
/// <param name="IsTrade">True for a trade (<paramref name="Price"/> is the trade price), false for a mid update.</param>
/// <param name="Price">The mid or the trade price, price units, &gt; 0.</param>
internal readonly record struct MarketEvent(DateTime TimeUtc, bool IsTrade, double Price);
