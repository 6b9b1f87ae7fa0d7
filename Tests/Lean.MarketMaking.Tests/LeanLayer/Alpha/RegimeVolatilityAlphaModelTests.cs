using System;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Regimes;
using NUnit.Framework;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Securities;
using Lean.MarketMaking.Tests.LeanLayer.Indicators;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Alpha;

[TestFixture]
public class RegimeVolatilityAlphaModelTests
{
    // two regimes of one-minute log-returns: calm σ = 0.1%, volatile σ = 0.4%; leave calm 1%, leave volatile 2% a minute
    private static readonly HiddenMarkovModelParameters Regimes = new(
        new[] { 0.5, 0.5 },
        new[,] { { 0.99, 0.01 }, { 0.02, 0.98 } },
        new[] { GaussianEmission.Univariate(0, 0.001), GaussianEmission.Univariate(0, 0.004) });

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(30);

    // closed form of the two-state chain (see RegimeVolatilityForecastTests): λ = 0.97, h = 30, π·m = 6e-6,
    // gⱼ = π·m + (mⱼ − π·m)·c with c = 0.645581270570152
    private static readonly double[] SecondMoments = { 1e-6, 16e-6 };
    private static readonly double[] MeanAhead = { 2.772093647149241e-06, 1.2455812705701519e-05 };

    private static TestableVolatilityAlpha Model(JumpDetectionSettings? jumps = null, OpenMarketClock? clock = null) => new(jumps, clock);

    private static double HandChange(ReadOnlySpan<double> p) =>
        Math.Sqrt((p[0] * MeanAhead[0] + p[1] * MeanAhead[1]) / (p[0] * SecondMoments[0] + p[1] * SecondMoments[1])) - 1;

    [Test]
    public void AVolatileRegimePredictsFallingVolatility()
    {
        // returns of ±0.4% (100 ↔ 100.4): the filter is sure of the volatile regime, which reverts to the stationary mix
        var alpha = Model();
        var mids = new SampledMids(alpha);
        mids.Alternate(0, 21, 100m, 100.4m);

        var (minute, insight) = mids.Emitted.Single();
        Assert.That(minute, Is.EqualTo(20), "first insight after the 20 warm-up returns");
        var p = alpha.ProbabilitiesOf(Btc);
        Assert.That(p[1], Is.GreaterThan(0.99));
        Assert.That(insight.Type, Is.EqualTo(InsightType.Volatility));
        Assert.That(insight.Direction, Is.EqualTo(InsightDirection.Down));
        Assert.That(insight.Period, Is.EqualTo(Period));
        Assert.That(insight.SourceModel, Is.EqualTo(alpha.Name));
        Assert.That(insight.Magnitude, Is.EqualTo(-HandChange(p)).Within(1e-12));
        Assert.That(insight.Magnitude, Is.EqualTo(0.11768).Within(1e-3), "≈ the sure-volatile value 1 − √(g₁/m₁)");
        Assert.That(insight.Confidence, Is.EqualTo(p[1]).Within(1e-15), "the volatile regime implies Down");
        Assert.That(alpha.ViewOf(Btc), Is.EqualTo(HandChange(p)).Within(1e-12));
    }

    [Test]
    public void ACalmRegimePredictsRisingVolatilityAtMostOncePerPeriod()
    {
        var alpha = Model();
        var mids = new SampledMids(alpha);
        mids.Alternate(0, 90, 100m, 100.1m);

        Assert.That(mids.Emitted.Select(e => e.Minute), Is.EqualTo(new[] { 20, 50, 80 }));
        var p = alpha.ProbabilitiesOf(Btc);
        var last = mids.Emitted[^1].Insight;
        Assert.That(last.Direction, Is.EqualTo(InsightDirection.Up));
        Assert.That(last.Magnitude, Is.EqualTo(HandChange(p)).Within(1e-12));
        // ±0.1% returns favour the calm regime only weakly (likelihood ratio ≈ 2.5 a step): p₀ ≈ 0.993, and the 0.7% left
        // on the volatile regime (16 times the variance) holds ~10% of the current variance: ρ ≈ 0.61, below the sure-calm 0.665
        Assert.That(p[0], Is.InRange(0.99, 0.999));
        Assert.That(last.Magnitude, Is.InRange(0.55, 0.665));
        Assert.That(last.Confidence, Is.EqualTo(p[0]).Within(1e-15));
    }

    [Test]
    public void AJumpIsCountedAsJumpVarianceNotAsARegimeSwitch()
    {
        // calm path then a 3% jump at minute 60. Without jump detection the filter sees a 30σ calm return and switches to
        // the volatile regime. With it, the jump's return is kept out of the filter (still calm) and its variance
        // q = λE[r²]·Δ dominates both the current and the predicted variance, so the predicted change falls under the
        // 10% threshold: the Up view fades to Flat.
        var detection = new JumpDetectionSettings(new LeeMyklandParameters(10, 0.01), 1440, TimeSpan.FromMinutes(30));
        foreach (var withJumps in new[] { false, true })
        {
            var alpha = Model(withJumps ? detection : null);
            var mids = new SampledMids(alpha);
            mids.Alternate(0, 60, 100m, 100.1m);
            Assert.That(mids.Emitted[^1].Insight.Direction, Is.EqualTo(InsightDirection.Up));
            var atJump = mids.Mid(60, 103.1m);
            var p = alpha.ProbabilitiesOf(Btc);
            if (withJumps)
            {
                Assert.That(p[0], Is.GreaterThan(0.99), "the jump did not reach the regime filter");
                Assert.That(Math.Abs(alpha.ViewOf(Btc)), Is.LessThan(0.1));
                Assert.That(atJump.Single().Direction, Is.EqualTo(InsightDirection.Flat));
                Assert.That(atJump.Single().Magnitude, Is.Zero);
                Assert.That(atJump.Single().Confidence, Is.Null);
            }
            else
            {
                Assert.That(p[1], Is.GreaterThan(0.99), "without jump detection the jump looks like the volatile regime");
                Assert.That(atJump.Single().Direction, Is.EqualTo(InsightDirection.Down));
                Assert.That(atJump.Single().Magnitude, Is.EqualTo(-HandChange(p)).Within(1e-12));
            }
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void TheOvernightReturnNeitherMovesTheRegimeNorCountsAsAJump(bool withJumps)
    {
        // a calm session (±0.1 % returns) to the 16:00 close (minute 360), then a 1 % gap at Wednesday's 09:30 open
        // (minute 1410): 10 calm σ, the volatile regime for the filter and a jump for the test, were it an observation
        var detection = new JumpDetectionSettings(new LeeMyklandParameters(10, 0.01), 1440, TimeSpan.FromMinutes(30));
        var alpha = Model(withJumps ? detection : null, TestMarketHours.Equity(Start, 5));
        var mids = new SampledMids(alpha);
        mids.Alternate(0, 361, 100m, 100.1m);
        var atClose = alpha.ProbabilitiesOf(Btc).ToArray();
        var viewAtClose = alpha.ViewOf(Btc);
        Assert.That(atClose[0], Is.GreaterThan(0.99));
        Assert.That(viewAtClose, Is.GreaterThan(0.1));

        mids.Mid(1410, 101m);
        Assert.That(alpha.ProbabilitiesOf(Btc).ToArray(), Is.EqualTo(atClose));
        Assert.That(alpha.ViewOf(Btc), Is.EqualTo(viewAtClose), "no jump variance from the gap either");
        Assert.That(mids.Emitted[^1].Insight.Direction, Is.EqualTo(InsightDirection.Up), "the calm view is renewed at the open");
    }

    [Test]
    public void BadBooksAreNeverSampledNeverThrowAndAreLoggedOnce()
    {
        var alpha = Model();
        var mids = new SampledMids(alpha);
        mids.Alternate(0, 10, 100m, 100.4m);
        var before = alpha.ProbabilitiesOf(Btc).ToArray();
        Assert.That(mids.Book(10, 100.5m, 100m), Is.Empty);
        Assert.That(mids.Book(11, 0m, 100m), Is.Empty);
        Assert.That(alpha.ProbabilitiesOf(Btc).ToArray(), Is.EqualTo(before), "the filter did not move");
        Assert.That(alpha.Logs.Lines, Has.Count.EqualTo(2));
        mids.Alternate(12, 40, 100m, 100.4m);
        Assert.That(mids.Emitted.Single().Insight.Direction, Is.EqualTo(InsightDirection.Down));
    }

    [TestCase(0.12, InsightDirection.Flat, InsightDirection.Up)]
    [TestCase(0.07, InsightDirection.Flat, InsightDirection.Flat)]
    [TestCase(0.07, InsightDirection.Up, InsightDirection.Up)]
    [TestCase(0.04, InsightDirection.Up, InsightDirection.Flat)]
    [TestCase(-0.07, InsightDirection.Up, InsightDirection.Flat)]
    [TestCase(-0.07, InsightDirection.Down, InsightDirection.Down)]
    [TestCase(-0.12, InsightDirection.Up, InsightDirection.Down)]
    [TestCase(0.0, InsightDirection.Up, InsightDirection.Flat)]
    [TestCase(double.NaN, InsightDirection.Up, InsightDirection.Flat)]
    public void AStandingViewIsKeptDownToHalfTheThreshold(double change, InsightDirection standing, InsightDirection expected) =>
        Assert.That(RegimeVolatilityAlphaModel.ViewDirection(change, 0.1, standing), Is.EqualTo(expected));

    [Test]
    public void RejectsInvalidSettings()
    {
        var minute = TimeSpan.FromMinutes(1);
        Assert.Throws<MarketMakingException>(() => new RegimeVolatilityAlphaModel(Regimes, minute, TimeSpan.FromSeconds(90), 0.1), "not whole steps");
        Assert.Throws<MarketMakingException>(() => new RegimeVolatilityAlphaModel(Regimes, minute, Period, -0.1));
        Assert.Throws<MarketMakingException>(() => new RegimeVolatilityAlphaModel(Regimes, minute, Period, 0.1, warmUpReturns: 0));
        Assert.Throws<MarketMakingException>(() => new RegimeVolatilityAlphaModel(Regimes, TimeSpan.Zero, Period, 0.1));
        Assert.Throws<ArgumentNullException>(() => new RegimeVolatilityAlphaModel(null!, minute, Period, 0.1));
    }

    private sealed class TestableVolatilityAlpha : RegimeVolatilityAlphaModel
    {
        private readonly OpenMarketClock _clock;

        public TestableVolatilityAlpha(JumpDetectionSettings? jumps, OpenMarketClock? clock)
            : base(Regimes, TimeSpan.FromMinutes(1), Period, threshold: 0.1, jumps)
        {
            _clock = clock ?? TestMarketHours.AlwaysOpen();
        }

        public LogSink Logs { get; } = new();

        protected override OpenMarketClock CreateClock(Security security) => _clock;

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }
}
