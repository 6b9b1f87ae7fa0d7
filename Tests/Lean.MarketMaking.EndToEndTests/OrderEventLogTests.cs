using System.Linq;
using NUnit.Framework;

namespace Lean.MarketMaking.EndToEndTests;

/// <summary>The order-event checks on a hand-written file in LEAN's format (no LEAN needed).</summary>
[TestFixture]
[Category("EndToEndHelpers")]
public class OrderEventLogTests
{
    // LEAN's SerializedOrderEvent: camel-case names, status a camel-case string, time in Unix seconds
    // (1704067200 = 2024-01-01 00:00 UTC), fee fields only when non-zero, limitPrice only for limit orders
    private const string Json = """
        [
          {"id":"a-1-1","algorithmId":"a","orderId":1,"orderEventId":1,"symbol":"MMCUSD 2XR","symbolValue":"MMCUSD","symbolPermtick":"MMCUSD","time":1704067200.0,"status":"submitted","fillPrice":0.0,"fillPriceCurrency":"USD","fillQuantity":0.0,"direction":"buy","isAssignment":false,"quantity":10.0,"limitPrice":1.0},
          {"id":"a-2-1","algorithmId":"a","orderId":2,"orderEventId":1,"symbol":"MMCUSD 2XR","symbolValue":"MMCUSD","symbolPermtick":"MMCUSD","time":1704067200.0,"status":"submitted","fillPrice":0.0,"fillPriceCurrency":"USD","fillQuantity":0.0,"direction":"sell","isAssignment":false,"quantity":-10.0,"limitPrice":1.2},
          {"id":"a-1-2","algorithmId":"a","orderId":1,"orderEventId":2,"symbol":"MMCUSD 2XR","symbolValue":"MMCUSD","symbolPermtick":"MMCUSD","time":1704067260.0,"status":"partiallyFilled","fillPrice":1.0,"fillPriceCurrency":"USD","fillQuantity":4.0,"direction":"buy","isAssignment":false,"quantity":10.0,"limitPrice":1.0},
          {"id":"a-1-3","algorithmId":"a","orderId":1,"orderEventId":3,"symbol":"MMCUSD 2XR","symbolValue":"MMCUSD","symbolPermtick":"MMCUSD","time":1704067320.0,"status":"filled","orderFeeAmount":0.06,"orderFeeCurrency":"USD","fillPrice":1.0,"fillPriceCurrency":"USD","fillQuantity":6.0,"direction":"buy","isAssignment":false,"quantity":10.0,"limitPrice":1.0},
          {"id":"a-2-2","algorithmId":"a","orderId":2,"orderEventId":2,"symbol":"MMCUSD 2XR","symbolValue":"MMCUSD","symbolPermtick":"MMCUSD","time":1704067380.0,"status":"updateSubmitted","fillPrice":0.0,"fillPriceCurrency":"USD","fillQuantity":0.0,"direction":"sell","isAssignment":false,"quantity":-10.0,"limitPrice":3.5},
          {"id":"a-3-1","algorithmId":"a","orderId":3,"orderEventId":1,"symbol":"MMCUSD 2XR","symbolValue":"MMCUSD","symbolPermtick":"MMCUSD","time":1704067400.0,"status":"invalid","fillPrice":0.0,"fillPriceCurrency":"USD","fillQuantity":0.0,"direction":"sell","isAssignment":false,"quantity":-10.0,"message":"Insufficient buying power","limitPrice":1.1}
        ]
        """;

    [Test]
    public void InventoryPricesRejectionsAndOrdersPerFillComeFromTheEvents()
    {
        var log = OrderEventLog.Parse(Json);
        Assert.That(log.Events, Has.Count.EqualTo(6));
        Assert.That(log.Fills.Count(), Is.EqualTo(2), "the partial and the final fill");
        Assert.That(log.MaxAbsoluteInventory("MMCUSD"), Is.EqualTo(10m));
        Assert.That(log.OrdersSubmitted, Is.EqualTo(2));
        Assert.That(log.OrdersPerFill, Is.EqualTo(1.0));
        Assert.That(log.TotalFees, Is.EqualTo(0.06m));
        Assert.That(log.Invalid.Single().Message, Is.EqualTo("Insufficient buying power"));
        var bad = log.PricesFarFromTheDaysMedian("MMCUSD");
        Assert.That(bad, Has.Count.EqualTo(1), "the ask moved to 3.5, beyond 2× the day's median fill of 1.0");
        Assert.That(bad[0], Does.Contain("order 2 updateSubmitted at 3.5"));
    }
}
