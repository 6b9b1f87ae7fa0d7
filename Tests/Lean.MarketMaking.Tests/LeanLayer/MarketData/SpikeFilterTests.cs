using System;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Errors;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanLayer.MarketData;

[TestFixture]
public class SpikeFilterTests
{
    private static readonly DateTime T0 = new(2014, 5, 1, 9, 0, 0);

    // EURUSD: 5.5 % a year over 252 days of 24 h ≈ 1.2e-5 per √second
    private const double EurUsdSigmaPerSqrtSecond = 1.2e-5;

    /// <summary>Twenty minutes of an EURUSD-like mid, one tick a second (seeded GBM); returns the last mid and time.</summary>
    private static (decimal Mid, DateTime Time) WarmUp(SpikeFilter filter, int seconds = 1200, DateTime? start = null)
    {
        var random = new Random(7);
        var log = Math.Log(1.10);
        var time = start ?? T0;
        for (var i = 0; i < seconds; i++, time = time.AddSeconds(1))
        {
            var u1 = 1 - random.NextDouble();
            log += EurUsdSigmaPerSqrtSecond * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * random.NextDouble());
            Assert.That(filter.Accept(Round(Math.Exp(log)), time), Is.True, $"ordinary move at second {i}");
        }

        return (Round(Math.Exp(log)), time);
    }

    private static decimal Round(double price) => Math.Round((decimal)price, 5);

    [Test]
    public void TheVolatilityIsTheSeriesOwnOnceItHasAHalfLifeOfData()
    {
        var filter = new SpikeFilter(SpikeFilterSettings.Default);
        WarmUp(filter, seconds: 300);
        Assert.That(filter.VolatilityPerSqrtSecond, Is.NaN, "5 minutes < the 10-minute half-life: the floor alone decides");
        WarmUp(filter, seconds: 1200, start: T0.AddSeconds(300));
        // tick rounding (1e-5 on 1.10) adds noise of the order of the diffusion itself
        Assert.That(filter.VolatilityPerSqrtSecond, Is.InRange(0.7 * EurUsdSigmaPerSqrtSecond, 1.6 * EurUsdSigmaPerSqrtSecond));
    }

    [Test]
    public void AHalfPercentPrintOnEurUsdIsHeldBackWhereAFixedTenPercentRuleWouldPassIt()
    {
        var filter = new SpikeFilter(SpikeFilterSettings.Default);
        var (mid, time) = WarmUp(filter);
        var print = mid * 1.005m;

        Assert.That(Math.Abs(Math.Log((double)(print / mid))), Is.LessThan(0.10), "the old fixed 10 % rule passes it");
        Assert.That(filter.Accept(print, time), Is.False, "0.5 % in a second is ~400 σ of EURUSD");
        Assert.That(filter.Accept(print, time.AddSeconds(2)), Is.False, "not yet confirmed");
        Assert.That(filter.Accept(mid + 0.00001m, time.AddSeconds(3)), Is.True, "the book came back: the print was bad");
        Assert.That(filter.Accept(print, time.AddSeconds(40)), Is.False, "a new episode starts its own clock");
    }

    [Test]
    public void AGenuineJumpIsConfirmedAfterItHasPersistedForTheConfirmationTime()
    {
        var filter = new SpikeFilter(SpikeFilterSettings.Default);
        var (mid, time) = WarmUp(filter);
        var level = mid * 0.995m;

        for (var s = 0; s < 30; s++)
        {
            Assert.That(filter.Accept(level + (s % 2 * 0.00001m), time.AddSeconds(s)), Is.False, $"second {s}: unconfirmed");
        }

        Assert.That(filter.Accept(level, time.AddSeconds(30)), Is.True, "persisted 30 s: a genuine jump");
        Assert.That(filter.Accept(level + 0.00001m, time.AddSeconds(31)), Is.True, "the new level is the reference");
        Assert.That(filter.Accept(mid, time.AddSeconds(32)), Is.False, "and the old level is now the spike");
    }

    [Test]
    public void APrintThatJumpsAroundNeverConfirmsItself()
    {
        var filter = new SpikeFilter(SpikeFilterSettings.Default);
        var (mid, time) = WarmUp(filter);
        Assert.That(filter.Accept(mid * 10, time), Is.False);
        Assert.That(filter.Accept(mid / 10, time.AddSeconds(31)), Is.False, "×0.1 does not confirm ×10");
        Assert.That(filter.Accept(mid * 10, time.AddSeconds(62)), Is.False, "nor does ×10 confirm ×0.1");
        Assert.That(filter.Accept(mid, time.AddSeconds(63)), Is.True);
    }

    [Test]
    public void TheThresholdGrowsWithTheSquareRootOfTheTimeSinceTheReference()
    {
        // k σ √Δt after an hour's gap: 10 × 1.2e-5 × 60 ≈ 0.72 %, so a 0.5 % move over the gap is ordinary,
        // while the same move a second after the reference is not
        var afterGap = new SpikeFilter(SpikeFilterSettings.Default);
        var (mid, time) = WarmUp(afterGap);
        Assert.That(afterGap.Accept(mid * 1.005m, time.AddHours(1)), Is.True);

        var atOnce = new SpikeFilter(SpikeFilterSettings.Default);
        (mid, time) = WarmUp(atOnce);
        Assert.That(atOnce.Accept(mid * 1.005m, time), Is.False);
    }

    [Test]
    public void UntilTheVolatilityIsKnownTheFloorDecides()
    {
        var filter = new SpikeFilter(new SpikeFilterSettings(minRelativeMove: 0.002));
        Assert.That(filter.Accept(100m, T0), Is.True, "the first price is the reference");
        Assert.That(filter.Accept(100.1m, T0.AddHours(5)), Is.True, "0.1 % < the floor");
        Assert.That(filter.Accept(100.5m, T0.AddHours(10)), Is.False, "0.4 % > the floor, however long the gap");
    }

    [Test]
    public void SmallStepsNeverTripItEvenWhenTheyAddUpToALargeTrend()
    {
        var filter = new SpikeFilter(SpikeFilterSettings.Default);
        var mid = 100m;
        for (var i = 0; i < 2000; i++, mid *= 1.0005m)
        {
            Assert.That(filter.Accept(mid, T0.AddSeconds(i)), Is.True, $"step {i}");
        }

        Assert.That(mid, Is.GreaterThan(250m));
    }

    [Test]
    public void NonPositivePricesAreNeverAcceptedAndDoNotMoveTheReference()
    {
        var filter = new SpikeFilter(SpikeFilterSettings.Default);
        Assert.That(filter.Accept(0m, T0), Is.False);
        Assert.That(filter.Accept(-1m, T0), Is.False);
        Assert.That(filter.Accept(100m, T0), Is.True);
        Assert.That(filter.Accept(0m, T0.AddSeconds(60)), Is.False);
        Assert.That(filter.Accept(100.01m, T0.AddSeconds(61)), Is.True);
        Assert.That(filter.Accept(100.02m, T0.AddSeconds(30)), Is.True, "an earlier stamp counts as no time elapsed, never throws");
    }

    [Test]
    public void SettingsAreValidated()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => new SpikeFilterSettings(maxMoveInSigmas: 0))!.ParameterName, Is.EqualTo("maxMoveInSigmas"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new SpikeFilterSettings(minRelativeMove: double.NaN))!.ParameterName, Is.EqualTo("minRelativeMove"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new SpikeFilterSettings(volatilityHalfLife: TimeSpan.Zero))!.ParameterName, Is.EqualTo("volatilityHalfLife"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new SpikeFilterSettings(confirmationTime: TimeSpan.FromSeconds(-1)))!.ParameterName, Is.EqualTo("confirmationTime"));
        Assert.That(SpikeFilterSettings.Default.KeepQuotesWhileSuspect, Is.False, "pulling is the default");
    }
}
