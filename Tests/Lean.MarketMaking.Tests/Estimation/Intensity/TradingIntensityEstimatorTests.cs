using System;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Intensity;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Intensity;

/// <summary>
/// The trading-intensity calibration recovers A and k from seeded simulations in which buy (sell) market orders arrive
/// as a Poisson process of rate A per second and each reaches a depth beyond the mid that is Exp(k)-distributed, so
/// that quotes at depth δ are hit at rate λ(δ) = A·e^(−kδ).
/// </summary>
[TestFixture]
public class TradingIntensityEstimatorTests
{
    private const double Mid = 100.0;
    private static readonly DateTime Start = new(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);

    // Δt = 0.1 s, grid 0, 0.005, …, 0.145 (30 levels).
    private static TradingIntensityOptions Options(double halfLife = double.PositiveInfinity) => new(0.1, 0.005, 30, halfLife);

    [Test]
    public void RecoversAAndKOnEachSide()
    {
        var estimator = new TradingIntensityEstimator(Options());
        estimator.OnMid(Start, Mid);
        var end = Simulate(estimator, new MersenneTwister(17), Start, 20_000, askA: 5, askK: 20, bidA: 3, bidK: 30);
        estimator.OnMid(end, Mid);

        var estimate = estimator.Estimate();

        // 200,000 intervals. The fill frequency at each grid depth is binomial; through λ̂ = −ln(1 − p̂)/Δt its
        // log has standard error √(p(1−p)/N)/((1−p)·λΔt): 0.004 (near the touch) to 0.036 (deepest bid level).
        // Least squares over 30 levels spread over 0.145 then gives about 0.3% on k and 0.5% on A; the levels share
        // counts (a deep fill also counts at every shallower level), so errors are correlated — 3% is still > 5 s.e.
        Assert.That(estimate.Ask.A, Is.EqualTo(5).Within(3).Percent);
        Assert.That(estimate.Ask.K, Is.EqualTo(20).Within(3).Percent);
        Assert.That(estimate.Bid.A, Is.EqualTo(3).Within(3).Percent);
        Assert.That(estimate.Bid.K, Is.EqualTo(30).Within(3).Percent);
        Assert.That(estimate.Ask.RSquared, Is.GreaterThan(0.99));
        Assert.That(estimate.ElapsedSeconds, Is.EqualTo(20_000).Within(0.2));
        Assert.That(estimate.Ask.Intensity(0.05), Is.EqualTo(estimate.Ask.A * Math.Exp(-estimate.Ask.K * 0.05)).Within(1e-12));
    }

    [Test]
    public void CountOverElapsedTimeIsTheFirstOrderForm()
    {
        // hftbacktest's rate p̂/Δt measures (1 − e^(−λ(δ)Δt))/Δt, not λ(δ): with A = 5 per second and Δt = 0.1 s it
        // reads 3.93 at the touch. Each level's p̂ has standard error √(p(1−p)/N) ≤ 0.0011 over N = 200,000 intervals,
        // i.e. ≤ 0.011 per second on the rate; 0.06 is more than 5 s.e.
        var estimator = new TradingIntensityEstimator(new TradingIntensityOptions(0.1, 0.005, 30, poissonInversion: false));
        estimator.OnMid(Start, Mid);
        estimator.OnMid(Simulate(estimator, new MersenneTwister(17), Start, 20_000, askA: 5, askK: 20, bidA: 3, bidK: 30), Mid);

        var ask = estimator.Estimate().Ask;
        for (var j = 0; j < ask.Depths.Count; j++)
        {
            var expected = (1 - Math.Exp(-5 * Math.Exp(-20 * ask.Depths[j]) * 0.1)) / 0.1;
            Assert.That(ask.Rates[j], Is.EqualTo(expected).Within(0.06), $"depth {ask.Depths[j]}");
        }

        Assert.That(ask.A, Is.LessThan(4.5), "the first-order form underestimates A when AΔt is not small");
    }

    [Test]
    public void AQuoteAtTheTradePriceIsNotCountedAsFilled()
    {
        // As in hftbacktest: only quotes strictly inside the deepest trade depth are filled (queue position unknown).
        var estimator = new TradingIntensityEstimator(new TradingIntensityOptions(1.0, 0.01, 5));
        estimator.OnMid(Start, Mid);
        estimator.OnTrade(Start.AddSeconds(0.5), Mid + 0.02, TradeAggressor.Buy);   // ask levels 0 and 0.01 fill, 0.02 does not
        estimator.OnTrade(Start.AddSeconds(1.5), Mid - 0.035, TradeAggressor.Sell); // bid levels 0 … 0.03 fill
        estimator.OnTrade(Start.AddSeconds(2.5), Mid + 0.001, TradeAggressor.Buy);  // ask level 0 fills
        estimator.OnMid(Start.AddSeconds(4), Mid);

        var estimate = estimator.Estimate();
        Assert.That(estimator.Intervals, Is.EqualTo(4));
        // Ask fill frequencies 2/4 at depth 0 and 1/4 at 0.01; bid 1/4 at depths 0 … 0.03.
        Assert.That(estimate.Ask.Depths, Is.EqualTo(new[] { 0.0, 0.01 }));
        Assert.That(estimate.Ask.Rates[0], Is.EqualTo(-Math.Log(1 - 0.5)).Within(1e-12));
        Assert.That(estimate.Ask.Rates[1], Is.EqualTo(-Math.Log(1 - 0.25)).Within(1e-12));
        Assert.That(estimate.Bid.Depths, Has.Count.EqualTo(4));

        // Equal bid rates at every depth: the line is flat and exact. R² = 1 − 0/0 used to come out NaN.
        Assert.That(estimate.Bid.K, Is.EqualTo(0).Within(1e-9));
        Assert.That(estimate.Bid.RSquared, Is.EqualTo(1));
    }

    [Test]
    public void ForgettingTracksAChangeOfIntensity()
    {
        var decaying = new TradingIntensityEstimator(Options(halfLife: 200));
        var cumulative = new TradingIntensityEstimator(Options());
        foreach (var estimator in new[] { decaying, cumulative })
        {
            estimator.OnMid(Start, Mid);
            var middle = Simulate(estimator, new MersenneTwister(5), Start, 5_000, askA: 5, askK: 20, bidA: 5, bidK: 20);
            Simulate(estimator, new MersenneTwister(6), middle, 5_000, askA: 10, askK: 20, bidA: 10, bidK: 20);
        }

        // A half-life of 200 s leaves about 200/ln 2 ≈ 290 s (2,900 intervals) of effective data: the standard error of
        // ln A is then about 3%, so 15% is 5 s.e.; the old regime's weight after 25 half-lives is 3e-8.
        Assert.That(decaying.Estimate().Ask.A, Is.EqualTo(10).Within(15).Percent);
        Assert.That(decaying.Estimate().Bid.K, Is.EqualTo(20).Within(15).Percent);
        // Without forgetting the estimate mixes both regimes and stays well away from the new rate.
        Assert.That(cumulative.Estimate().Ask.A, Is.LessThan(8.5));
    }

    [Test]
    public void PausesLongerThanTheSessionGapAreNotCounted()
    {
        var estimator = new TradingIntensityEstimator(new TradingIntensityOptions(0.1, 0.005, 30, sessionGapSeconds: 600));
        estimator.OnMid(Start, Mid);
        var end = Simulate(estimator, new MersenneTwister(3), Start, 1_000, 5, 20, 5, 20);
        estimator.OnMid(end, Mid);
        Assert.That(estimator.Intervals, Is.EqualTo(10_000));
        var restart = end.AddHours(1);
        estimator.OnMid(restart, Mid);
        estimator.OnMid(Simulate(estimator, new MersenneTwister(4), restart, 1_000, 5, 20, 5, 20), Mid);

        // 2 × 1,000 s of 0.1 s intervals; the hour in between is a session break. The (empty) interval in progress at
        // the break is closed early and counted, hence one more than 20,000.
        Assert.That(estimator.Intervals, Is.EqualTo(20_001));
    }

    [Test]
    public void UnknownAggressorIsClassifiedAgainstThePriorMid()
    {
        var known = new TradingIntensityEstimator(Options());
        var unknown = new TradingIntensityEstimator(Options());
        var random = new MersenneTwister(9);
        known.OnMid(Start, Mid);
        unknown.OnMid(Start, Mid);
        for (var i = 1; i <= 50_000; i++)
        {
            var time = Start.AddSeconds(0.05 * i);
            var buy = random.NextDouble() < 0.5;
            var price = Mid + (buy ? 1 : -1) * Exponential.Sample(random, 20);
            known.OnTrade(time, price, buy ? TradeAggressor.Buy : TradeAggressor.Sell);
            unknown.OnTrade(time, price, TradeAggressor.Unknown);
        }

        Assert.That(unknown.Estimate().Ask.A, Is.EqualTo(known.Estimate().Ask.A).Within(1e-12));
        Assert.That(unknown.Estimate().Bid.K, Is.EqualTo(known.Estimate().Bid.K).Within(1e-12));
    }

    [Test]
    public void UpdatesAllocateNothing()
    {
        var estimator = new TradingIntensityEstimator(Options(halfLife: 60));
        estimator.OnMid(Start, Mid);
        estimator.OnTrade(Start.AddSeconds(0.01), Mid + 0.01, TradeAggressor.Buy);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < 10_000; i++)
        {
            var time = Start.AddSeconds(0.037 * i);
            estimator.OnMid(time, Mid + 0.001 * (i % 7));
            estimator.OnTrade(time, Mid - 0.003 * (i % 11), TradeAggressor.Unknown);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void RejectsBadSettingsAndData()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new TradingIntensityOptions(0, 0.01, 10))!.ParameterName, Is.EqualTo("intervalSeconds"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new TradingIntensityOptions(0.1, 0.01, 1))!.ParameterName, Is.EqualTo("depthLevels"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new TradingIntensityOptions(0.1, 0.01, 10, halfLifeSeconds: double.NaN))!.ParameterName, Is.EqualTo("halfLifeSeconds"));
        var estimator = new TradingIntensityEstimator(Options());
        estimator.OnMid(Start, Mid);
        var backwards = Assert.Throws<MarketMakingException>(() => estimator.OnTrade(Start.AddSeconds(-1), Mid, TradeAggressor.Buy))!;
        Assert.That(backwards.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => estimator.OnMid(Start, double.NaN))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => estimator.OnTrade(Start, -1, TradeAggressor.Sell))!.ParameterName, Is.EqualTo("price"));
        var empty = Assert.Throws<MarketMakingException>(() => estimator.Estimate())!;
        Assert.That(empty.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(empty.ParameterName, Is.EqualTo("bid"));
    }

    /// <summary>Feeds <paramref name="seconds"/> of buy and sell arrivals after <paramref name="from"/>; returns the end time.</summary>
    private static DateTime Simulate(TradingIntensityEstimator estimator, Random random, DateTime from, double seconds, double askA, double askK, double bidA, double bidK)
    {
        var nextBuy = Exponential.Sample(random, askA);
        var nextSell = Exponential.Sample(random, bidA);
        while (Math.Min(nextBuy, nextSell) < seconds)
        {
            if (nextBuy < nextSell)
            {
                estimator.OnTrade(from.AddTicks((long)(nextBuy * TimeSpan.TicksPerSecond)), Mid + Exponential.Sample(random, askK), TradeAggressor.Buy);
                nextBuy += Exponential.Sample(random, askA);
            }
            else
            {
                estimator.OnTrade(from.AddTicks((long)(nextSell * TimeSpan.TicksPerSecond)), Mid - Exponential.Sample(random, bidK), TradeAggressor.Sell);
                nextSell += Exponential.Sample(random, bidA);
            }
        }

        return from.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    [Test]
    public void AfterAnInterruptionDepthsAreMeasuredFromTheNewSessionsMid()
    {
        // A trade after a market close, before any new quote, would be 5 away from the mid before the close: it must not
        // count as a fill at every depth. The interval in progress at the break is counted, and measuring resumes at the
        // next mid.
        var estimator = new TradingIntensityEstimator(new TradingIntensityOptions(1.0, 0.01, 5));
        estimator.OnMid(Start, Mid);
        estimator.OnTrade(Start.AddSeconds(0.5), Mid + 0.02, TradeAggressor.Buy);    // interval 1: ask levels 0, 0.01
        estimator.OnTrade(Start.AddSeconds(1.5), Mid - 0.035, TradeAggressor.Sell);  // interval 2: bid levels 0 … 0.03
        estimator.Interrupt();
        estimator.OnTrade(Start.AddSeconds(2.2), Mid + 5, TradeAggressor.Buy);       // closes interval 2 and the partial 3; not measured
        estimator.OnMid(Start.AddSeconds(2.4), Mid + 5);                             // interval 4 starts
        estimator.OnTrade(Start.AddSeconds(2.9), Mid + 5.001, TradeAggressor.Buy);   // interval 4: ask level 0
        estimator.OnMid(Start.AddSeconds(4.4), Mid + 5);                             // closes intervals 4 and 5

        var estimate = estimator.Estimate();
        Assert.That(estimator.Intervals, Is.EqualTo(5));
        Assert.That(estimate.Ask.Depths, Is.EqualTo(new[] { 0.0, 0.01 }));
        Assert.That(estimate.Ask.Rates[0], Is.EqualTo(-Math.Log(1 - 0.4)).Within(1e-12));
        Assert.That(estimate.Ask.Rates[1], Is.EqualTo(-Math.Log(1 - 0.2)).Within(1e-12));
        Assert.That(estimate.Bid.Depths, Has.Count.EqualTo(4));
    }
}
