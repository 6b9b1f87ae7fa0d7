using System.Collections.Generic;
using QuantConnect;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// Remembers which kinds of issue were already logged for each symbol in the current episode (since its state was
/// last good), so that each kind is logged once per episode, not on every tick, even when two kinds alternate tick by
/// tick; <see cref="Clear"/> ends the episode once the state is good again. Bounded: one small set per symbol.
/// </summary>
internal sealed class IssueLog
{
    private readonly Dictionary<Symbol, HashSet<string>> _reported = new();

    /// <summary>True the first time <paramref name="issue"/> is reported for <paramref name="symbol"/> since the last clear.</summary>
    public bool ShouldLog(Symbol symbol, string issue)
    {
        if (!_reported.TryGetValue(symbol, out var kinds))
        {
            kinds = new HashSet<string>();
            _reported[symbol] = kinds;
        }

        return kinds.Add(issue);
    }

    /// <summary>Ends <paramref name="symbol"/>'s episode: the next issue of any kind is logged again.</summary>
    public void Clear(Symbol symbol)
    {
        if (_reported.TryGetValue(symbol, out var kinds))
        {
            kinds.Clear();
        }
    }

    /// <summary>Forgets <paramref name="symbol"/> (removed from the universe).</summary>
    public void Remove(Symbol symbol) => _reported.Remove(symbol);
}
