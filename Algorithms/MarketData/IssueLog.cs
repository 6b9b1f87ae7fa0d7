using System.Collections.Generic;
using QuantConnect;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// Remembers which (symbol, issue) pairs were already logged so that a bad market state is logged once when it
/// starts, not on every tick; <see cref="Clear"/> re-arms a symbol once its state is good again.
/// </summary>
internal sealed class IssueLog
{
    private readonly Dictionary<Symbol, string> _reported = new();

    /// <summary>True the first time <paramref name="issue"/> is reported for <paramref name="symbol"/> since the last clear.</summary>
    public bool ShouldLog(Symbol symbol, string issue)
    {
        if (_reported.TryGetValue(symbol, out var previous) && previous == issue)
        {
            return false;
        }

        _reported[symbol] = issue;
        return true;
    }

    /// <summary>Forgets <paramref name="symbol"/>'s issue: the next one is logged again.</summary>
    public void Clear(Symbol symbol) => _reported.Remove(symbol);
}
