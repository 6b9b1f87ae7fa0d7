using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Risk;
using NUnit.Framework;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.PortfolioConstruction;

[TestFixture]
public class QuoteTargetTests
{
    [Test]
    public void CarriesTheModelQuoteAndTheInventoryAsQuantity()
    {
        var quote = TwoSidedQuote.FromDepths(100, 99.5, 0.6, 0.4, 2, 3);
        var target = QuoteTarget.FromQuote(Btc, new InventoryExposure(-1.5m, 0m, 0m), quote);
        Assert.That(target.Symbol, Is.EqualTo(Btc));
        Assert.That(target.Quantity, Is.EqualTo(-1.5m));
        Assert.That((double)target.BidPrice, Is.EqualTo(99.4).Within(1e-12));
        Assert.That((double)target.AskPrice, Is.EqualTo(100.4).Within(1e-12));
        Assert.That((target.BidSize, target.AskSize), Is.EqualTo((2m, 3m)));
        Assert.That((double)target.ReservationPrice, Is.EqualTo(99.5).Within(1e-12));
    }

    [Test]
    public void ANonFiniteModelOutputNeverBecomesATarget()
    {
        var broken = new TwoSidedQuote(double.NaN, 99, 101, 1, 1, 1, 1);
        var error = Assert.Throws<MarketMakingException>(() => QuoteTarget.FromQuote(Btc, default, broken));
        Assert.That(error!.Kind, Is.EqualTo(MarketMakingErrorKind.NumericalInstability));
    }

    [Test]
    public void RejectsACrossedQuoteAndNegativeSizes()
    {
        Assert.Throws<MarketMakingException>(() => new QuoteTarget(Btc, default, 101m, 100m, 1m, 1m, 100m));
        Assert.Throws<MarketMakingException>(() => new QuoteTarget(Btc, default, 99m, 100m, -1m, 1m, 100m));
    }

    [Test]
    public void WithSizesKeepsPricesAndInventory()
    {
        var target = new QuoteTarget(Btc, new InventoryExposure(2m, 1m, 1m), 99m, 101m, 1m, 1m, 100m).WithSizes(0m, 1m, "one-sided");
        Assert.That((target.BidPrice, target.AskPrice, target.Quantity, target.BidSize, target.AskSize, target.Tag),
            Is.EqualTo((99m, 101m, 2m, 0m, 1m, "one-sided")));
        Assert.That(target.Exposure, Is.EqualTo(new InventoryExposure(2m, 1m, 1m)));
    }
}
