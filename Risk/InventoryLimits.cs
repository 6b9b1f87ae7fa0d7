using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// Long and short inventory limits of one security, in units of the asset, and the rule that applies them to a quote.
/// Working orders count: a side is quoted only if holdings plus the larger of what is already working on that side and
/// the new quote's size stay inside the limit (the old order may fill before it is replaced, or the new one after).
/// </summary>
public sealed class InventoryLimits
{
    /// <summary>Creates validated limits.</summary>
    /// <param name="maxLong">Largest long inventory allowed, units of the asset (&gt; 0).</param>
    /// <param name="maxShort">Largest short inventory allowed, as a positive number of units (&gt; 0).</param>
    public InventoryLimits(decimal maxLong, decimal maxShort)
    {
        Guard.Positive((double)maxLong, nameof(maxLong));
        Guard.Positive((double)maxShort, nameof(maxShort));
        MaxLong = maxLong;
        MaxShort = maxShort;
    }

    /// <summary>Symmetric limits: |inventory| ≤ <paramref name="maxAbsolute"/>.</summary>
    public static InventoryLimits Symmetric(decimal maxAbsolute) => new(maxAbsolute, maxAbsolute);

    /// <summary>Largest long inventory allowed, units of the asset.</summary>
    public decimal MaxLong { get; }

    /// <summary>Largest short inventory allowed, positive units of the asset.</summary>
    public decimal MaxShort { get; }

    /// <summary>True when holdings alone are outside [−MaxShort, MaxLong].</summary>
    public bool IsBreached(decimal holdings) => holdings > MaxLong || holdings < -MaxShort;

    /// <summary>
    /// Where a breach is reduced to: the limit on the side of <paramref name="holdings"/> (MaxLong for a long, −MaxShort
    /// for a short position); holdings inside the limits are their own target.
    /// </summary>
    public decimal ReductionTarget(decimal holdings) =>
        Math.Clamp(holdings, -MaxShort, MaxLong);

    /// <summary>Applies the limits to a quote of <paramref name="bidSize"/> × <paramref name="askSize"/>.</summary>
    /// <param name="exposure">Holdings and working orders of the security.</param>
    /// <param name="bidSize">Proposed bid size (≥ 0).</param>
    /// <param name="askSize">Proposed ask size (≥ 0).</param>
    public InventoryLimitVerdict Evaluate(in InventoryExposure exposure, decimal bidSize, decimal askSize)
    {
        if (IsBreached(exposure.Holdings))
        {
            return new InventoryLimitVerdict(InventoryLimitAction.Reduce, 0m, 0m);
        }

        var bidFits = bidSize <= 0 || exposure.Holdings + Math.Max(exposure.OpenBuyQuantity, bidSize) <= MaxLong;
        var askFits = askSize <= 0 || exposure.Holdings - Math.Max(exposure.OpenSellQuantity, askSize) >= -MaxShort;
        return bidFits && askFits
            ? new InventoryLimitVerdict(InventoryLimitAction.Keep, bidSize, askSize)
            : new InventoryLimitVerdict(InventoryLimitAction.OneSided, bidFits ? bidSize : 0m, askFits ? askSize : 0m);
    }
}
