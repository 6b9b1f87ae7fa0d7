using System;
using Lean.MarketMaking.Models.Anchor;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Anchor;

[TestFixture]
public class CompositeLiquidityFactorTests
{
    [Test]
    public void OneLevelFormIsTheSpreadOverLogDepthAveragedOverSides()
    {
        // ½·(ln(100.1/100)/ln 10 + ln(100.1/100)/ln 100), by hand.
        var clf = CompositeLiquidityFactor.OneLevel(new TopOfBook(100.0, 10, 100.1, 100));
        Assert.That(clf, Is.EqualTo(0.0003255581094889447).Within(1e-15));
    }

    [Test]
    public void MultiLevelFormIsThePublishedRatioAveragedOverLevelsAndSides()
    {
        // Bid: ln(100/99.9)/ln 10, ln(100/99.8)/ln 30; ask: ln(100.2/100.1)/ln 5, ln(100.3/100.1)/ln 20; mean of the four.
        var clf = CompositeLiquidityFactor.MultiLevel(
            new[] { 100.0, 99.9, 99.8 }, new[] { 10.0, 20, 30 }, new[] { 100.1, 100.2, 100.3 }, new[] { 5.0, 15, 25 });
        Assert.That(clf, Is.EqualTo(0.0005774543073941542).Within(1e-15));
    }

    [Test]
    public void DeeperAndTighterBooksScoreLower()
    {
        var thin = CompositeLiquidityFactor.OneLevel(new TopOfBook(100.0, 3, 100.1, 3));
        var deep = CompositeLiquidityFactor.OneLevel(new TopOfBook(100.0, 30, 100.1, 30));
        var wide = CompositeLiquidityFactor.OneLevel(new TopOfBook(100.0, 30, 100.2, 30));
        Assert.That(deep, Is.LessThan(thin));
        Assert.That(deep, Is.LessThan(wide));
    }

    [Test]
    public void NoDepthIsTheWorstScoreAndABadBookHasNone()
    {
        Assert.That(CompositeLiquidityFactor.OneLevel(new TopOfBook(100.0, 1, 100.1, 50)), Is.EqualTo(double.PositiveInfinity), "ln 1 = 0: undefined, scored worst");
        Assert.That(CompositeLiquidityFactor.OneLevel(new TopOfBook(100.1, 5, 100.0, 5)), Is.NaN, "crossed");
        Assert.That(CompositeLiquidityFactor.MultiLevel(new[] { 100.0, 100.5 }, new[] { 5.0, 5 }, new[] { 100.1, 100.2 }, new[] { 5.0, 5 }), Is.NaN, "bids out of order");
        Assert.That(CompositeLiquidityFactor.MultiLevel(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, new[] { 100.1 }, new[] { 5.0 }), Is.NaN);
        Assert.That(
            CompositeLiquidityFactor.MultiLevel(new[] { 100.0 }, new[] { 10.0 }, new[] { 100.1 }, new[] { 100.0 }),
            Is.EqualTo(CompositeLiquidityFactor.OneLevel(new TopOfBook(100.0, 10, 100.1, 100))),
            "one level: the one-level form");
    }
}
