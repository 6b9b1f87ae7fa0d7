using System;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanLayer.PortfolioConstruction;

[TestFixture]
public class MarketMakingClockTests
{
    [Test]
    public void MeasuresSecondsSinceTheSessionOpen()
    {
        var clock = new MarketMakingClock(new TimeSpan(9, 30, 0), TimeSpan.FromSeconds(1));
        Assert.That(clock.ToModelTime(new DateTime(2024, 1, 2, 9, 30, 0)), Is.EqualTo(0));
        Assert.That(clock.ToModelTime(new DateTime(2024, 1, 2, 10, 0, 0, 500)), Is.EqualTo(1800.5));
    }

    [Test]
    public void BeforeTheOpenTimeCountsFromThePreviousSession()
    {
        var clock = new MarketMakingClock(new TimeSpan(9, 30, 0), TimeSpan.FromHours(1));
        Assert.That(clock.ToModelTime(new DateTime(2024, 1, 2, 9, 0, 0)), Is.EqualTo(23.5));
    }

    [Test]
    public void ASessionLongTimeUnitGivesTheUnitInterval()
    {
        var clock = new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromDays(1));
        Assert.That(clock.ToModelTime(new DateTime(2024, 1, 2, 18, 0, 0)), Is.EqualTo(0.75));
    }

    [Test]
    public void RejectsInvalidSettings()
    {
        Assert.Throws<MarketMakingException>(() => new MarketMakingClock(TimeSpan.FromHours(24), TimeSpan.FromSeconds(1)));
        Assert.Throws<MarketMakingException>(() => new MarketMakingClock(TimeSpan.Zero, TimeSpan.Zero));
    }
}
