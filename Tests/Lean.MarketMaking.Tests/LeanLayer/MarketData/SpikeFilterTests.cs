using System;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Errors;
using NUnit.Framework;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.MarketData;

[TestFixture]
public class SpikeFilterTests
{
    private static readonly DateTime T0 = new(2024, 1, 2, 9, 0, 0);
    private static readonly SpikeFilterSettings Settings = new(0.10, TimeSpan.FromSeconds(30));

    [Test]
    public void ABadPrintIsHeldBackAndTheBookThatComesBackIsAccepted()
    {
        var filter = new SpikeFilter(Settings);
        Assert.That(filter.Accept(100m, T0), Is.True, "the first mid is the reference");
        Assert.That(filter.Accept(150m, T0.AddSeconds(1)), Is.False, "ln 1.5 = 0.41 > 0.10");
        Assert.That(filter.Accept(150m, T0.AddSeconds(29)), Is.False, "not yet confirmed");
        Assert.That(filter.Accept(100.5m, T0.AddSeconds(30)), Is.True, "back near the reference");
        Assert.That(filter.Accept(150m, T0.AddSeconds(40)), Is.False, "a new episode starts its own clock");
    }

    [Test]
    public void AMoveThatPersistsForTheConfirmationTimeIsAGenuineJump()
    {
        var filter = new SpikeFilter(Settings);
        filter.Accept(100m, T0);
        Assert.That(filter.Accept(89m, T0.AddSeconds(1)), Is.False, "ln(100/89) = 0.117 > 0.10");
        Assert.That(filter.Accept(89.5m, T0.AddSeconds(31)), Is.True, "persisted 30 s");
        Assert.That(filter.Accept(90m, T0.AddSeconds(32)), Is.True, "the new level is the reference");
        Assert.That(filter.Accept(100m, T0.AddSeconds(33)), Is.False, "and the old level is now the spike");
    }

    [Test]
    public void SmallStepsNeverTripItEvenWhenTheyAddUpToALargeTrend()
    {
        var filter = new SpikeFilter(Settings);
        var mid = 100m;
        for (var i = 0; i < 100; i++, mid *= 1.01m)
        {
            Assert.That(filter.Accept(mid, T0.AddSeconds(i)), Is.True, $"step {i}");
        }

        Assert.That(mid, Is.GreaterThan(250m));
    }

    [Test]
    public void NonPositiveMidsAreNeverAcceptedAndDoNotMoveTheReference()
    {
        var filter = new SpikeFilter(Settings);
        Assert.That(filter.Accept(0m, T0), Is.False);
        Assert.That(filter.Accept(-1m, T0), Is.False);
        Assert.That(filter.Accept(100m, T0), Is.True);
        Assert.That(filter.Accept(0m, T0.AddSeconds(60)), Is.False);
        Assert.That(filter.Accept(101m, T0.AddSeconds(61)), Is.True);
    }

    [Test]
    public void ValidateRunsTheBookChecksFirstAndTheFilterOnlyOnBooksThatPassThem()
    {
        var filter = new SpikeFilter(Settings);
        var good = QuoteMarket.From(NewSecurity().Quote(99.98m, 100.02m, Start));
        Assert.That(filter.Validate(good, TimeSpan.MaxValue), Is.EqualTo(MarketDataIssue.None));
        Assert.That(filter.Validate(good with { Bid = 150.05m, Ask = 150.01m }, TimeSpan.MaxValue), Is.EqualTo(MarketDataIssue.Crossed));
        Assert.That(filter.Validate(good with { Bid = 149.98m, Ask = 150.02m }, TimeSpan.MaxValue), Is.EqualTo(MarketDataIssue.Spike));
        Assert.That(filter.Validate(good with { Bid = 99.99m, Ask = 100.03m }, TimeSpan.MaxValue), Is.EqualTo(MarketDataIssue.None));
    }

    [Test]
    public void SettingsAreValidated()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => new SpikeFilterSettings(0, TimeSpan.Zero))!.ParameterName, Is.EqualTo("maxRelativeMove"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new SpikeFilterSettings(double.NaN, TimeSpan.Zero))!.ParameterName, Is.EqualTo("maxRelativeMove"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new SpikeFilterSettings(0.1, TimeSpan.FromSeconds(-1)))!.ParameterName, Is.EqualTo("confirmationTime"));
    }
}
