using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

[TestFixture]
public class AttributionTests
{
    [Test]
    public void AHandComputedSequenceSplitsIntoSpreadInventoryAndFees()
    {
        var p = new AttributionPosition("X");
        p.Mark(100m);
        p.Fill(2m, 99.5m, mid: 100m);            // bought 0.5 under the mid: spread +1.0
        Assert.That((p.SpreadCapture, p.Total, p.AveragePrice), Is.EqualTo((1.0m, 1.0m, 99.5m)));
        p.Mark(101m);                             // +1 on 2 held: inventory +2
        p.Fill(-3m, 101.5m, mid: 101m, fee: 0.3m); // sold 0.5 over the mid: spread +1.5; closes 2 at +2 each
        Assert.That((p.Inventory, p.AveragePrice, p.Realised), Is.EqualTo((-1m, 101.5m, 4m)));
        p.Mark(100m);                             // −1 on −1 held: inventory +1

        Assert.That(p.SpreadCapture, Is.EqualTo(2.5m));
        Assert.That(p.InventoryPnl, Is.EqualTo(3m));
        Assert.That(p.Fees, Is.EqualTo(0.3m));
        Assert.That(p.Total, Is.EqualTo(5.2m));
        // cash flow −2·99.5 + 3·101.5 = 105.5, inventory −1 at 100: 5.5 before fees
        Assert.That(p.Total, Is.EqualTo(105.5m - 100m - 0.3m));
        Assert.That(p.Unrealised, Is.EqualTo(1.5m));
        Assert.That(p.Realised + p.Unrealised, Is.EqualTo(p.SpreadCapture + p.InventoryPnl));
        Assert.That(p.Exposure, Is.EqualTo(-100m));
        Assert.That((p.Drawdown.Peak, p.Drawdown.Current), Is.EqualTo((5.2m, 0m)));

        p.Mark(103m);                             // −3 on −1 held
        Assert.That((p.InventoryPnl, p.Total), Is.EqualTo((0m, 2.2m)));
        Assert.That((p.Drawdown.Current, p.Drawdown.Maximum), Is.EqualTo((3.0m, 3.0m)));
    }

    [Test]
    public void AverageCostFollowsLeansRuleThroughZero()
    {
        var p = new AttributionPosition("X");
        p.Fill(-100m, 5m, 5m);
        p.Fill(-100m, 10m, 10m);
        Assert.That(p.AveragePrice, Is.EqualTo(7.5m), "LEAN's own comment: −100 @ 5, −100 @ 10: average 7.5");
        p.Fill(250m, 8m, 8m);                    // closes 200 at −0.5 each, opens 50 long at 8
        Assert.That((p.Inventory, p.AveragePrice, p.Realised), Is.EqualTo((50m, 8m, -100m)));
        p.Fill(-50m, 9m, 9m);
        Assert.That((p.Inventory, p.AveragePrice, p.Realised), Is.EqualTo((0m, 0m, -50m)));
    }

    [Test]
    public void AccountCurrencyFiguresUseTheConversionRateAndTheMultiplier()
    {
        var p = new AttributionPosition("X", contractMultiplier: 10m);
        p.Mark(100m, conversionRate: 2m);
        p.Fill(1m, 99m, 100m, fee: 0.5m, conversionRate: 2m);
        p.Mark(102m, 2m);
        Assert.That(p.SpreadCapture, Is.EqualTo(1m * 1m * 10m * 2m));
        Assert.That(p.InventoryPnl, Is.EqualTo(1m * 2m * 10m * 2m));
        Assert.That(p.Fees, Is.EqualTo(0.5m), "fees are given in the account currency");
        Assert.That(p.Total, Is.EqualTo(20m + 40m - 0.5m));
        Assert.That(p.Exposure, Is.EqualTo(102m * 10m * 2m));
    }

    [Test]
    public void BadInputChangesNothingAndAFillWithoutAMidCapturesNoSpread()
    {
        var p = new AttributionPosition("X");
        Assert.That(p.Mark(0m), Is.False);
        Assert.That(p.Mark(-1m), Is.False);
        Assert.That(p.Fill(0m, 100m, 100m), Is.False);
        Assert.That(p.Fill(1m, 0m, 100m), Is.False);
        Assert.That(p.Fill(1m, 100m, 100m, conversionRate: 0m), Is.False);
        Assert.That((p.Fills, p.MarkPrice, p.Total), Is.EqualTo((0, 0m, 0m)));
        Assert.That(p.Fill(1m, 100m, mid: 0m), Is.True);
        Assert.That(p.SpreadCapture, Is.Zero);
        Assert.Throws<MarketMakingException>(() => _ = new AttributionPosition("X", 0m));
        Assert.Throws<MarketMakingException>(() => _ = new AttributionPosition(" "));
        Assert.Throws<MarketMakingException>(() => _ = new AttributionBook(System.Array.Empty<AttributionPosition>()));
    }

    [Test]
    public void TheBooksTotalsAreTheSumsAndItsDrawdownIsOfTheTotal()
    {
        var book = new AttributionBook(new[] { new AttributionPosition("A"), new AttributionPosition("B") });
        book.Mark(0, 10m);
        book.Mark(1, 20m);
        book.Fill(0, 1m, 9m, 10m);  // A: spread +1
        book.Fill(1, -1m, 21m, 20m); // B: spread +1
        book.Mark(0, 12m);          // A +2 → total 4 (peak)
        book.Mark(1, 23m);          // B −3 → total 1
        book.Mark(0, 13m);          // A +1 → total 2
        Assert.That(book.Total, Is.EqualTo(2m));
        Assert.That(book.SpreadCapture + book.InventoryPnl - book.Fees, Is.EqualTo(book.Total));
        Assert.That((book.GrossExposure, book.NetExposure), Is.EqualTo((36m, -10m)));
        Assert.That((book.Drawdown.Peak, book.Drawdown.Current, book.Drawdown.Maximum), Is.EqualTo((4m, 2m, 3m)));
        Assert.That(book.Positions[1].Drawdown.Maximum, Is.EqualTo(3m), "B alone: peak 1, low −2");
    }

    [Test]
    public void OnRandomSequencesTheSplitAddsUpToTheCashFlowMarkedToMarketAndToRealisedPlusUnrealised()
    {
        // each step: a mark (kind 0) or a fill (kind 1); prices in cents, quantities in units, fees in cents
        var step =
            from kind in Gen.Choose(0, 1)
            from mid in Gen.Choose(9000, 11000)
            from offset in Gen.Choose(-50, 50)
            from quantity in Gen.Choose(-20, 20)
            from fee in Gen.Choose(-5, 20)
            select (kind, mid, offset, quantity, fee);
        var gen = from multiplier in Gen.Choose(1, 100)
                  from rate in Gen.Choose(50, 200)
                  from steps in Gen.ListOf(step)
                  select (multiplier, rate, steps: steps.ToArray());
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var rate = c.rate / 100m;
            var p = new AttributionPosition("X", c.multiplier);
            decimal cash = 0, inventory = 0, mark = 0, fees = 0, peak = 0, maxDrawdown = 0;
            foreach (var (kind, midCents, offset, quantity, feeCents) in c.steps)
            {
                var mid = midCents / 100m;
                if (kind == 0 || quantity == 0)
                {
                    p.Mark(mid, rate);
                }
                else
                {
                    var price = mid + offset / 100m;
                    p.Fill(quantity, price, mid, feeCents / 100m, rate);
                    cash -= quantity * price;
                    inventory += quantity;
                    fees += feeCents / 100m;
                }

                mark = mid;
                var total = ((cash + inventory * mark) * c.multiplier * rate) - fees;
                peak = System.Math.Max(peak, total);
                maxDrawdown = System.Math.Max(maxDrawdown, peak - total);
            }

            var expected = ((cash + inventory * mark) * c.multiplier * rate) - fees;
            return p.Total == expected
                && p.SpreadCapture + p.InventoryPnl - p.Fees == p.Total
                // the average price is a quotient (rounded at decimal's 28 digits, as in LEAN): equal to 1e-18
                && System.Math.Abs(p.Realised + p.Unrealised - (p.SpreadCapture + p.InventoryPnl)) < 1e-18m
                && p.Inventory == inventory
                && p.Drawdown.Maximum == maxDrawdown;
        }).QuickCheckThrowOnFailure();
    }
}
