using Lean.MarketMaking.Algorithms.Reporting;
using Lean.MarketMaking.Models.Errors;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Orders;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Reporting;

[TestFixture]
public class PnlAttributionTrackerTests
{
    [Test]
    public void FillsAreAttributedAgainstLeansMidAndTheEndIsMarkedAtLeansValuationPrice()
    {
        var security = NewSecurity().Quote(99m, 101m, Start);
        security.QuoteCurrency.ConversionRate = 2m;
        var other = NewSecurity(Symbol.Create("ETHUSDT", SecurityType.Crypto, Market.Binance));
        var tracker = new PnlAttributionTracker(new[] { security });
        tracker.Mark(security, 100m);

        tracker.RecordFill(new OrderEvent { Symbol = security.Symbol, FillQuantity = 2m, FillPrice = 99m }, feeInAccountCurrency: 0.1m);
        tracker.RecordFill(new OrderEvent { Symbol = other.Symbol, FillQuantity = 5m, FillPrice = 1m }, 9m); // not tracked
        tracker.RecordFill(new OrderEvent { Symbol = security.Symbol, FillQuantity = 0m, FillPrice = 99m }, 9m); // no fill
        security.Quote(101m, 103m, Start.AddSeconds(1));
        tracker.MarkAtValuation(); // LEAN's price: the last quote tick's mid, 102

        var book = tracker.Book;
        Assert.That(book.SpreadCapture, Is.EqualTo(2m * 1m * 2m), "bought 2 a unit under the mid 100, rate 2");
        Assert.That(book.InventoryPnl, Is.EqualTo(2m * 2m * 2m));
        Assert.That(book.Fees, Is.EqualTo(0.1m));
        Assert.That(book.Total, Is.EqualTo(((-2m * 99m) + (2m * 102m)) * 2m - 0.1m), "cash flow + holdings at LEAN's price");
        Assert.That(book.NetExposure, Is.EqualTo(2m * 102m * 2m));
    }

    [Test]
    public void ItsChartsAvoidLeansReservedChartNames()
    {
        // LEAN: Algorithm/QCAlgorithm.Plotting.cs, ReservedChartSeriesNames (a whole chart, or the listed series): Plot throws
        var reserved = new[] { "Strategy Equity", "Capacity", "Drawdown", "Benchmark", "Assets Sales Volume", "Exposure", "Portfolio Margin", "Portfolio Turnover" };
        Assert.That(new[] { PnlAttributionTracker.ExposureChart, PnlAttributionTracker.AttributionChart, PnlAttributionTracker.DrawdownChart },
            Has.None.AnyOf(reserved));
    }

    [Test]
    public void AFillWithoutABookIsAttributedAtTheLastMark()
    {
        var security = NewSecurity();
        var tracker = new PnlAttributionTracker(new[] { security });
        tracker.Mark(security, 100m);
        tracker.RecordFill(new OrderEvent { Symbol = security.Symbol, FillQuantity = -1m, FillPrice = 100.5m }, 0m);
        Assert.That(tracker.Book.SpreadCapture, Is.EqualTo(0.5m));
        Assert.Throws<MarketMakingException>(() => _ = new PnlAttributionTracker(System.Array.Empty<Security>()));
    }
}
