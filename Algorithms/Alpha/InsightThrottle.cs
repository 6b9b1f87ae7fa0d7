using System;
using QuantConnect.Algorithm.Framework.Alphas;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// The emission rule of the plugin's alpha models, per symbol: a view is emitted when its direction changes (a view that
/// fades emits one Flat insight), and an unchanged non-Flat view is re-emitted once its insight period has elapsed (so
/// the previous insight does not simply expire) or when <c>fresh</c> information arrived; otherwise nothing is emitted.
/// </summary>
internal sealed class InsightThrottle
{
    private InsightDirection _last = InsightDirection.Flat;
    private DateTime _lastUtc = DateTime.MinValue;

    /// <summary>Whether a view in <paramref name="direction"/> should be emitted now; if so, records it.</summary>
    /// <param name="direction">Direction of the current view.</param>
    /// <param name="utcNow">Current time.</param>
    /// <param name="period">Insight period.</param>
    /// <param name="fresh">New information (e.g. a new jump) that justifies re-emitting an unchanged view early.</param>
    public bool Admit(InsightDirection direction, DateTime utcNow, TimeSpan period, bool fresh = false)
    {
        var changed = direction != _last;
        if (!changed && (direction == InsightDirection.Flat || !(fresh || utcNow - _lastUtc >= period)))
        {
            return false;
        }

        _last = direction;
        _lastUtc = utcNow;
        return true;
    }
}
