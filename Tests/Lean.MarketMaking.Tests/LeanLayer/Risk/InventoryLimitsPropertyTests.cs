using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanLayer.Risk;

[TestFixture]
public class InventoryLimitsPropertyTests
{
    [Test]
    public void AQuotedSideCanNeverTakeInventoryBeyondItsLimit()
    {
        // quantities in thousandths of a unit
        var gen =
            from maxLong in Gen.Choose(1, 5000)
            from maxShort in Gen.Choose(1, 5000)
            from holdings in Gen.Choose(-6000, 6000)
            from openBuy in Gen.Choose(0, 3000)
            from openSell in Gen.Choose(0, 3000)
            from bid in Gen.Choose(0, 3000)
            from ask in Gen.Choose(0, 3000)
            select (maxLong, maxShort, holdings, openBuy, openSell, bid, ask);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            decimal U(int thousandths) => thousandths / 1000m;
            var limits = new InventoryLimits(U(c.maxLong), U(c.maxShort));
            var exposure = new InventoryExposure(U(c.holdings), U(c.openBuy), U(c.openSell));
            var verdict = limits.Evaluate(exposure, U(c.bid), U(c.ask));
            if (verdict.Action == InventoryLimitAction.Reduce)
            {
                return limits.IsBreached(exposure.Holdings);
            }

            var bidSafe = verdict.BidSize == 0 || exposure.Holdings + Math.Max(exposure.OpenBuyQuantity, verdict.BidSize) <= limits.MaxLong;
            var askSafe = verdict.AskSize == 0 || exposure.Holdings - Math.Max(exposure.OpenSellQuantity, verdict.AskSize) >= -limits.MaxShort;
            var sizesKeptOrZeroed = (verdict.BidSize == U(c.bid) || verdict.BidSize == 0) && (verdict.AskSize == U(c.ask) || verdict.AskSize == 0);
            var keepMeansUnchanged = verdict.Action != InventoryLimitAction.Keep || (verdict.BidSize == U(c.bid) && verdict.AskSize == U(c.ask));
            return bidSafe && askSafe && sizesKeptOrZeroed && keepMeansUnchanged;
        }).QuickCheckThrowOnFailure();
    }
}
