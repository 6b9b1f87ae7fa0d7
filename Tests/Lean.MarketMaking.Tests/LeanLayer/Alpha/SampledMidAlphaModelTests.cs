using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Tests.LeanLayer.Indicators;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Alpha;

[TestFixture]
public class SampledMidAlphaModelTests
{
    [Test]
    public void SamplesAreTimedInOpenMarketSecondsAndFlagTheClose()
    {
        // Start is Tuesday 10:00 on an equity calendar: minute 360 is the 16:00 close, minute 1410 Wednesday's 09:30 open
        var alpha = new RecordingAlpha(TestMarketHours.Equity(Start, 5));
        var mids = new SampledMids(alpha);
        mids.Mid(359, 100m);
        mids.Mid(360, 100m);
        mids.Mid(1410, 102m);
        mids.Mid(1411, 102m);

        Assert.That(alpha.Samples.Select(s => s.LocalTime), Is.EqualTo(new[] { 359, 360, 1410, 1411 }.Select(SampledMids.At)));
        Assert.That(alpha.Samples.Select(s => s.OpenSeconds), Is.EqualTo(new[] { 0.0, 60, 60, 120 }), "the night is not counted");
        Assert.That(alpha.Samples.Select(s => s.CrossesClose), Is.EqualTo(new[] { false, false, true, false }));
        Assert.That(alpha.Samples[2].Mid, Is.EqualTo(102m));
    }

    [Test]
    public void AMarketThatNeverClosesHasNoCloses()
    {
        var alpha = new RecordingAlpha(TestMarketHours.AlwaysOpen());
        var mids = new SampledMids(alpha);
        mids.Mid(360, 100m);
        mids.Mid(1410, 102m);
        Assert.That(alpha.Samples.Select(s => s.OpenSeconds), Is.EqualTo(new[] { 0.0, 1050 * 60 }));
        Assert.That(alpha.Samples.Select(s => s.CrossesClose), Is.EqualTo(new[] { false, false }));
    }

    private sealed class RecordingAlpha : SampledMidAlphaModel
    {
        private readonly OpenMarketClock _clock;

        public RecordingAlpha(OpenMarketClock clock)
            : base(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5))
        {
            _clock = clock;
        }

        public List<MidSample> Samples { get; } = new();

        protected override Insight? OnSample(Symbol symbol, in MidSample sample)
        {
            Assert.That(ClockOf(symbol), Is.SameAs(_clock));
            Samples.Add(sample);
            return null;
        }

        protected override void Forget(Symbol symbol)
        {
        }

        protected override OpenMarketClock CreateClock(Security security) => _clock;
    }
}
