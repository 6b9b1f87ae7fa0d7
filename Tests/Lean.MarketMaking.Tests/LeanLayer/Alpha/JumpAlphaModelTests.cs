using System;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;
using NUnit.Framework;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Securities;
using Lean.MarketMaking.Tests.LeanLayer.Indicators;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Alpha;

[TestFixture]
public class JumpAlphaModelTests
{
    // Lee–Mykland window K = 10 one-minute returns; half-life 30 min; insights over 5 min
    private const int Window = 10;
    private static readonly TimeSpan HalfLife = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);
    private static readonly double Beta = Math.Log(2) / HalfLife.TotalSeconds;

    // Start is Tuesday 2 January 2024 10:00 on an equity calendar: minute 360 is the 16:00 close, minute 1410 Wednesday's
    // 09:30 open, and open-market minute Open + j is minute Close + j
    private const int Close = 360;
    private const int Open = 1410;

    private static JumpDetectionSettings Detection => new(new LeeMyklandParameters(Window, 0.01), 1440, HalfLife);

    private static TestableJumpAlpha Model(double minimumMagnitude = 1e-4, OpenMarketClock? clock = null) => new(Detection, minimumMagnitude, clock);

    /// <summary>
    /// The weighted exposure after the return ending at <paramref name="minute"/>: the first tested return is the K-th
    /// (it ends at minute K), and each tested return adds its 60 s, so T = (minute − K + 1)·60 s and W = (1 − e^(−βT))/β.
    /// </summary>
    private static double Exposure(int minute) => -double.ExpM1(-Beta * (minute - Window + 1) * 60) / Beta;

    /// <summary>Quiet path alternating 100 / 100.05 (returns ±0.05%), then a jump to 102 at an even minute.</summary>
    private static SampledMids QuietThenJump(TestableJumpAlpha alpha, int jumpMinute, decimal jumpTo, int end)
    {
        var mids = new SampledMids(alpha);
        mids.Alternate(0, jumpMinute, 100m, 100.05m);
        var scale = jumpTo / 100m;
        mids.Alternate(jumpMinute, end, 100m * scale, 100.05m * scale);
        return mids;
    }

    [Test]
    public void AnUpJumpGivesAnUpPriceInsightCarryingTheCompensatorOverThePeriod()
    {
        // jump at minute 60 from 100.05 to 102: y = 102/100.05 − 1; it is the only jump and weighs 1, so
        // m = (λ⁺E[J⁺] − λ⁻E[J⁻])·T = y·T/W with W the exposure at minute 60; z = 1, confidence 2Φ(1) − 1
        var alpha = Model();
        var mids = QuietThenJump(alpha, 60, 102m, 61);

        var (minute, insight) = mids.Emitted.Single();
        Assert.That(minute, Is.EqualTo(60), "no view before the jump");
        Assert.That(insight.Symbol, Is.EqualTo(Btc));
        Assert.That(insight.Type, Is.EqualTo(InsightType.Price));
        Assert.That(insight.Direction, Is.EqualTo(InsightDirection.Up));
        Assert.That(insight.Period, Is.EqualTo(Period));
        Assert.That(insight.SourceModel, Is.EqualTo(alpha.Name));
        var y = 102.0 / 100.05 - 1;
        Assert.That(insight.Magnitude, Is.EqualTo(y * Period.TotalSeconds / Exposure(60)).Within(1e-12));
        Assert.That(insight.Confidence, Is.EqualTo(0.6826894921370859).Within(1e-9));
        Assert.That(alpha.ViewOf(Btc), Is.EqualTo(insight.Magnitude!.Value).Within(1e-15));
        Assert.That(alpha.JumpCountOf(Btc), Is.EqualTo(1));
        Assert.That(alpha.InsightCount, Is.EqualTo(1));
    }

    [Test]
    public void ADownJumpGivesADownInsight()
    {
        var alpha = Model();
        var insight = QuietThenJump(alpha, 60, 97m, 61).Emitted.Single().Insight;
        Assert.That(insight.Direction, Is.EqualTo(InsightDirection.Down));
        Assert.That(insight.Magnitude, Is.EqualTo((1 - 97.0 / 100.05) * Period.TotalSeconds / Exposure(60)).Within(1e-12));
        Assert.That(alpha.ViewOf(Btc), Is.EqualTo(-insight.Magnitude!.Value).Within(1e-15));
    }

    [Test]
    public void TheViewIsRenewedOncePerPeriodThenFadesWithOneFlatInsight()
    {
        // m(t) = y·e^(−βt)/W(t) t seconds after the jump; with the threshold at half the first view it fades when that
        // ratio first drops below ½ (about 23 min, sooner than one half-life because W still grows)
        var y = 102.0 / 100.05 - 1;
        double View(int minute) => y * Math.Exp(-Beta * (minute - 60) * 60) * Period.TotalSeconds / Exposure(minute);
        var alpha = Model(minimumMagnitude: View(60) / 2);
        var mids = QuietThenJump(alpha, 60, 102m, 150);

        var fade = Enumerable.Range(60, 90).First(minute => View(minute) < View(60) / 2);
        Assert.That(fade, Is.InRange(80, 90));
        var expectedUps = Enumerable.Range(0, 100).Select(k => 60 + 5 * k).TakeWhile(minute => minute < fade).ToArray();
        var ups = mids.Emitted.Where(e => e.Insight.Direction == InsightDirection.Up).ToArray();
        Assert.That(ups.Select(e => e.Minute), Is.EqualTo(expectedUps), "at most once per period while the view stands");
        foreach (var (minute, insight) in ups)
        {
            Assert.That(insight.Magnitude, Is.EqualTo(View(minute)).Within(1e-12 + 1e-9 * View(minute)));
        }

        var flat = mids.Emitted.Single(e => e.Insight.Direction == InsightDirection.Flat);
        Assert.That(flat.Minute, Is.EqualTo(fade));
        Assert.That(flat.Insight.Magnitude, Is.Zero);
        Assert.That(mids.Emitted.Last(), Is.EqualTo(flat), "nothing after the view faded");
        Assert.That(alpha.ViewOf(Btc), Is.Zero);
    }

    [Test]
    public void AJumpBeforeOneHalfLifeOfTestedTimeGivesNoViewYet()
    {
        // at minute 20 only 11 min of returns were tested: W < ½·(1/β), a rate from so short a history is not trusted
        var alpha = Model(minimumMagnitude: 1e-6);
        var mids = QuietThenJump(alpha, 20, 102m, 40);
        Assert.That(alpha.JumpCountOf(Btc), Is.EqualTo(1));
        Assert.That(mids.Emitted.Where(e => e.Minute < 39), Is.Empty);
        // one half-life of tested time is reached at minute K − 1 + 30 = 39
        Assert.That(Exposure(38), Is.LessThan(0.5 / Beta));
        Assert.That(Exposure(39), Is.GreaterThanOrEqualTo(0.5 / Beta));
        Assert.That(mids.Emitted.Single().Minute, Is.EqualTo(39));
        Assert.That(mids.Emitted.Single().Insight.Direction, Is.EqualTo(InsightDirection.Up));
    }

    [Test]
    public void TheOvernightGapIsNotAJump()
    {
        // a quiet session, then a 2 % gap at the next open (100 at the close, 102 at the open): the return across the close
        // is not tested, the night is no tested time, and no view comes from the gap
        var alpha = Model(clock: TestMarketHours.Equity(Start, 5));
        var mids = new SampledMids(alpha);
        mids.Alternate(0, Close + 1, 100m, 100.05m);
        mids.Alternate(Open, Open + 30, 102m, 102.051m);
        Assert.That(alpha.JumpCountOf(Btc), Is.Zero);
        Assert.That(mids.Emitted, Is.Empty);
        Assert.That(alpha.ActivityOf(Btc)!.ExposureSeconds, Is.EqualTo(Exposure(Close + 29)).Within(1e-9).Percent, "the night is no tested time");
    }

    [Test]
    public void JumpRatesDecayInOpenMarketTime()
    {
        // a jump at 15:40 (minute 340), then the path goes on at the next open without a gap: at Open + 1 the view is the
        // one 21 open-market minutes after the jump, as if there were no night
        var y = 102.0 / 100.05 - 1;
        double View(int minute) => y * Math.Exp(-Beta * (minute - 340) * 60) * Period.TotalSeconds / Exposure(minute);
        var alpha = Model(clock: TestMarketHours.Equity(Start, 5));
        var mids = QuietThenJump(alpha, 340, 102m, Close + 1);
        mids.Alternate(Open, Open + 2, 102m, 102.051m);
        Assert.That(alpha.JumpCountOf(Btc), Is.EqualTo(1));
        Assert.That(alpha.ViewOf(Btc), Is.EqualTo(View(Close + 1)).Within(1e-9).Percent);
        Assert.That(mids.Emitted[^1].Minute, Is.EqualTo(Open + 1), "the standing view is renewed once the new session's first return is tested");
        Assert.That(mids.Emitted[^1].Insight.Direction, Is.EqualTo(InsightDirection.Up));
    }

    [Test]
    public void BadBooksAreNeverSampledNeverThrowAndAreLoggedOncePerIssue()
    {
        var alpha = Model();
        var mids = new SampledMids(alpha);
        mids.Alternate(0, 30, 100m, 100.05m);
        Assert.That(mids.Book(30, 101m, 100m), Is.Empty, "crossed");
        Assert.That(mids.Book(31, 101m, 100m), Is.Empty, "crossed");
        Assert.That(mids.Book(32, 0m, 0m), Is.Empty, "missing");
        Assert.That(mids.Book(33, -1m, 100m), Is.Empty, "negative");
        Assert.That(alpha.Logs.Lines, Has.Count.EqualTo(3));
        Assert.That(alpha.Logs.Lines[0], Does.Contain("Crossed"));
        Assert.That(alpha.Logs.Lines[1], Does.Contain("Missing"));
        Assert.That(alpha.Logs.Lines[2], Does.Contain("NonPositive"));
        Assert.That(alpha.JumpCountOf(Btc), Is.Zero, "a bad book's mid never reaches the jump test");

        // the path resumes at minute 34 (even: back at 100 after the last good mid 100.05 of minute 29), a locked book is a price
        mids.Alternate(34, 60, 100m, 100.05m);
        Assert.That(mids.Book(60, 102m, 102m).Single().Direction, Is.EqualTo(InsightDirection.Up));
        Assert.That(alpha.JumpCountOf(Btc), Is.EqualTo(1));
        Assert.That(alpha.Logs.Lines, Has.Count.EqualTo(3));
    }

    [Test]
    public void StaleDataIsNotSampledTwice()
    {
        var alpha = Model();
        var mids = new SampledMids(alpha);
        mids.Alternate(0, 30, 100m, 100.05m);
        var activity = alpha.ActivityOf(Btc)!;
        var exposure = activity.ExposureSeconds;
        // a slice at minute 31 without a new quote for the security: nothing sampled
        mids.Alpha.Update(new QCAlgorithm(), new QuantConnect.Data.Slice(SampledMids.At(31), Array.Empty<QuantConnect.Data.BaseData>(), SampledMids.At(31)));
        Assert.That(activity.ExposureSeconds, Is.EqualTo(exposure));
    }

    [Test]
    public void BetweenSamplesAnUpdateAllocatesNothing()
    {
        // per tick the model only compares times: the work (and LEAN's indicator data points) happen once per sample
        var alpha = Model();
        var mids = new SampledMids(alpha);
        mids.Alternate(0, 30, 100m, 100.05m);
        var algorithm = new QCAlgorithm();
        var tick = new QuantConnect.Data.Slice(SampledMids.At(29).AddSeconds(30), Array.Empty<QuantConnect.Data.BaseData>(), SampledMids.At(29).AddSeconds(30));
        alpha.Update(algorithm, tick);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            alpha.Update(algorithm, tick);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void RejectsInvalidSettings()
    {
        Assert.Throws<MarketMakingException>(() => new JumpAlphaModel(Detection, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500), 1e-4));
        Assert.Throws<MarketMakingException>(() => new JumpAlphaModel(Detection, TimeSpan.Zero, Period, 1e-4));
        Assert.Throws<MarketMakingException>(() => new JumpAlphaModel(Detection, TimeSpan.FromMinutes(1), Period, -1e-4));
        Assert.Throws<MarketMakingException>(() => new JumpAlphaModel(Detection, TimeSpan.FromMinutes(1), Period, 1e-4, minimumConfidence: 1));
        Assert.Throws<MarketMakingException>(() => new JumpAlphaModel(null!, TimeSpan.FromMinutes(1), Period, 1e-4));
        Assert.Throws<MarketMakingException>(() => new JumpDetectionSettings(new LeeMyklandParameters(Window, 0.01), 1, HalfLife));
        Assert.Throws<MarketMakingException>(() => new JumpDetectionSettings(new LeeMyklandParameters(Window, 0.01), 1440, TimeSpan.Zero));
    }

    private sealed class TestableJumpAlpha : JumpAlphaModel
    {
        private readonly OpenMarketClock _clock;

        public TestableJumpAlpha(JumpDetectionSettings detection, double minimumMagnitude, OpenMarketClock? clock)
            : base(detection, TimeSpan.FromMinutes(1), Period, minimumMagnitude)
        {
            _clock = clock ?? TestMarketHours.AlwaysOpen();
        }

        public LogSink Logs { get; } = new();

        protected override OpenMarketClock CreateClock(Security security) => _clock;

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }
}
