using System;
using System.Collections.Generic;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>Suggests the known option or command name nearest to a mistyped one (Levenshtein edit distance).</summary>
internal static class TypoSuggestion
{
    /// <summary>
    /// The name in <paramref name="names"/> with the smallest edit distance to <paramref name="token"/>, if that distance is at
    /// most a third of the token's length (at least 1); null when none is that close.
    /// </summary>
    public static string? Nearest(string token, IEnumerable<string> names)
    {
        string? best = null;
        var bestDistance = Math.Max(1, token.Length / 3) + 1;
        foreach (var name in names)
        {
            var distance = Distance(token, name);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
