using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>Shared helpers of the per-contract arrays: the count check and the unique argmin the rules and the oracle pick with.</summary>
internal static class UniqueMinimum
{
    /// <summary>Index of the smallest value, or −1 when any value is NaN, all are +∞, or the smallest is tied.</summary>
    public static int IndexOf(ReadOnlySpan<double> values)
    {
        var best = -1;
        var tied = false;
        for (var k = 0; k < values.Length; k++)
        {
            if (double.IsNaN(values[k]))
            {
                return -1;
            }

            if (best < 0 || values[k] < values[best])
            {
                best = k;
                tied = false;
            }
            else if (values[k] == values[best])
            {
                tied = true;
            }
        }

        return best < 0 || tied || double.IsPositiveInfinity(values[best]) ? -1 : best;
    }

    /// <summary>Requires at least two contracts.</summary>
    public static int Contracts(int contracts, string name) =>
        contracts >= 2 ? contracts : throw Guard.Invalid(name, $"must be >= 2, got {contracts}");
}
