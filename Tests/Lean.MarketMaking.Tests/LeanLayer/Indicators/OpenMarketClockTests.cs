using System;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

[TestFixture]
public class OpenMarketClockTests
{
    // Monday 7 October 2013 (the IBM sample week)
    private static readonly DateTime Monday = new(2013, 10, 7);

    [Test]
    public void InsideASessionEverySecondCountsAndNoCloseIsCrossed()
    {
        var clock = TestMarketHours.Equity(Monday, 5);
        var interval = clock.Between(Monday.AddHours(10), Monday.AddHours(10).AddMinutes(1).AddTicks(5));
        Assert.That(interval, Is.EqualTo(new OpenMarketInterval(TimeSpan.FromMinutes(1).Add(TimeSpan.FromTicks(5)), false)));
        Assert.That(clock.Between(Monday.AddHours(15.5), Monday.AddHours(16)), Is.EqualTo(new OpenMarketInterval(TimeSpan.FromMinutes(30), false)),
            "an observation at the close ends the session's last return");
    }

    [Test]
    public void OvernightOnlyTheOpenPartsCountAndTheCloseIsCrossed()
    {
        var clock = TestMarketHours.Equity(Monday, 5);
        Assert.That(clock.Between(Monday.AddHours(15).AddMinutes(59), Monday.AddDays(1).AddHours(9).AddMinutes(31)),
            Is.EqualTo(new OpenMarketInterval(TimeSpan.FromMinutes(2), true)));
        Assert.That(clock.Between(Monday.AddHours(16), Monday.AddDays(1).AddHours(9.5)), Is.EqualTo(new OpenMarketInterval(TimeSpan.Zero, true)),
            "from the close to the open: no open time, but the return spans the night");
        Assert.That(clock.Between(Monday.AddHours(8), Monday.AddHours(8).AddMinutes(1)), Is.EqualTo(new OpenMarketInterval(TimeSpan.Zero, true)),
            "pre-market data with the regular session: closed time, no return");
    }

    [Test]
    public void AWeekendIsAClose()
    {
        var friday = Monday.AddDays(4);
        var clock = TestMarketHours.Equity(Monday, 14);
        Assert.That(clock.Between(friday.AddHours(15).AddMinutes(55), friday.AddDays(3).AddHours(9).AddMinutes(35)),
            Is.EqualTo(new OpenMarketInterval(TimeSpan.FromMinutes(10), true)));

        var sunday = Monday.AddDays(-1);
        var forex = TestMarketHours.Forex(sunday, 2);
        Assert.That(forex.Between(friday.AddHours(16).AddMinutes(59), sunday.AddDays(7).AddHours(17).AddMinutes(1)),
            Is.EqualTo(new OpenMarketInterval(TimeSpan.FromMinutes(2), true)));
        Assert.That(forex.Between(Monday.AddHours(16).AddMinutes(57), Monday.AddHours(17).AddMinutes(4)),
            Is.EqualTo(new OpenMarketInterval(TimeSpan.FromMinutes(2), true)), "OANDA's five-minute daily break is a close");
    }

    [Test]
    public void AGapInTheDataWhileTheMarketIsOpenIsNotAClose()
    {
        var crypto = TestMarketHours.AlwaysOpen();
        Assert.That(crypto.Between(Monday.AddHours(3), Monday.AddDays(1).AddHours(4)), Is.EqualTo(new OpenMarketInterval(TimeSpan.FromHours(25), false)));
        Assert.That(crypto.Queries, Is.Zero);

        // a one-hour outage in the middle of a forex week
        var forex = TestMarketHours.Forex(Monday.AddDays(-1), 1);
        Assert.That(forex.Between(Monday.AddHours(3), Monday.AddHours(4)), Is.EqualTo(new OpenMarketInterval(TimeSpan.FromHours(1), false)));
    }

    [Test]
    public void TheCalendarIsConsultedAboutOncePerSession()
    {
        var clock = TestMarketHours.Equity(Monday, 5);
        var timeline = new OpenMarketTimeline(clock);
        var closes = 0;
        for (var day = 0; day < 5; day++)
        {
            for (var t = Monday.AddDays(day).AddHours(9.5); t <= Monday.AddDays(day).AddHours(16); t = t.AddSeconds(1))
            {
                closes += timeline.Advance(t) ? 1 : 0;
            }
        }

        Assert.That(closes, Is.EqualTo(4));
        Assert.That(timeline.OpenTime, Is.EqualTo(TimeSpan.FromHours(6.5 * 5)));
        Assert.That(clock.Queries, Is.LessThanOrEqualTo(5 * 5));
    }

    [Test]
    public void ATimelineWithoutAClockIsCalendarTime()
    {
        var timeline = new OpenMarketTimeline(null);
        Assert.That(timeline.Advance(Monday.AddHours(15)), Is.False);
        Assert.That(timeline.Advance(Monday.AddDays(1).AddHours(10)), Is.False);
        Assert.That(timeline.OpenTime, Is.EqualTo(TimeSpan.FromHours(19)));
        Assert.That(timeline.OpenMarketTime, Is.EqualTo(timeline.LastTime));
        Assert.That(Assert.Throws<MarketMakingException>(() => timeline.Advance(Monday))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
    }

    [Test]
    public void TheOpenMarketAxisSkipsTheNight()
    {
        var timeline = new OpenMarketTimeline(TestMarketHours.Equity(Monday, 5));
        timeline.Advance(Monday.AddHours(15));
        Assert.That(timeline.Advance(Monday.AddDays(1).AddHours(10)), Is.True);
        Assert.That(timeline.OpenTime, Is.EqualTo(TimeSpan.FromHours(1.5)));
        Assert.That(timeline.OpenMarketTime, Is.EqualTo(Monday.AddHours(16.5)));
        Assert.That(timeline.Seconds, Is.EqualTo(5400));
    }
}
