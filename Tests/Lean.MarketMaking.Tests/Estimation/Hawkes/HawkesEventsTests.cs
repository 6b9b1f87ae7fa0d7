using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Hawkes;

[TestFixture]
public class HawkesEventsTests
{
    [Test]
    public void MergesTypesInTimeOrderTiesByType()
    {
        var events = new HawkesEvents(new[] { new[] { 1.0, 3.0 }, new[] { 0.5, 1.0, 4.0 } }, 0.0, 10.0);
        Assert.That(events.MergedTimes, Is.EqualTo(new[] { 0.5, 1.0, 1.0, 3.0, 4.0 }));
        Assert.That(events.MergedTypes, Is.EqualTo(new[] { 1, 0, 1, 0, 1 }));
        Assert.That(events.TotalCount, Is.EqualTo(5));
        Assert.That(events.Count(1), Is.EqualTo(3));
        Assert.That(events.Horizon, Is.EqualTo(10.0));
    }

    [Test]
    public void PrefixEndsAtTheNextEvent()
    {
        var events = new HawkesEvents(new[] { new[] { 1.0, 3.0 }, new[] { 0.5, 1.0, 4.0 } }, 10.0);
        var prefix = events.Prefix(3);
        Assert.That(prefix.MergedTimes, Is.EqualTo(new[] { 0.5, 1.0, 1.0 }));
        Assert.That(prefix.End, Is.EqualTo(3.0));
        Assert.That(events.Prefix(5), Is.SameAs(events));
    }

    [TestCase(new[] { 1.0, 0.5 }, "times[0][1]")]
    [TestCase(new[] { double.NaN }, "times[0][0]")]
    [TestCase(new[] { -0.1 }, "times[0][0]")]
    [TestCase(new[] { 1.0, 10.5 }, "times[0][1]")]
    public void RejectsBadTimesAsInvalidMarketData(double[] times, string name)
    {
        var e = Assert.Throws<MarketMakingException>(() => _ = new HawkesEvents(new[] { times }, 10.0))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(e.ParameterName, Is.EqualTo(name));
    }

    [Test]
    public void RejectsBadWindowAndEmptyTypes()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HawkesEvents(new[] { new[] { 1.0 } }, 0.0))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HawkesEvents(Array.Empty<double[]>(), 1.0))!.ParameterName, Is.EqualTo("times"));
    }

    [Test]
    public void CopiesItsInput()
    {
        var times = new[] { 1.0, 2.0 };
        var events = new HawkesEvents(new[] { times }, 5.0);
        times[0] = 1.5;
        Assert.That(events.Times(0)[0], Is.EqualTo(1.0));
    }
}
