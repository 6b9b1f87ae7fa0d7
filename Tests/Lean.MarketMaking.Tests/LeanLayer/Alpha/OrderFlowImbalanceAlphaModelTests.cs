using System;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Tests.LeanLayer.Indicators;
using NUnit.Framework;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data;
using QuantConnect.Data.Market;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Alpha;

[TestFixture]
public class OrderFlowImbalanceAlphaModelTests
{
    private readonly QCAlgorithm _algorithm = new();

    private static Slice At(int second, params BaseData[] data) =>
        new(Start.AddSeconds(second), data, Start.AddSeconds(second));

    private static Tick Quote(int second) => new(Start.AddSeconds(second), Btc, 2m, 99.99m, 2m, 100.01m);

    private static Tick Trade(int second, decimal price, decimal size) => new(Start.AddSeconds(second), Btc, "", "", size, price);

    private static Tick Quote(int second, decimal bid, decimal ask) => new(Start.AddSeconds(second), Btc, 2m, bid, 2m, ask);

    /// <summary>The model with Btc added, on <paramref name="clock"/> (default: always open).</summary>
    private OrderFlowImbalanceAlphaModel Model(OpenMarketClock? clock = null, double halfLifeSeconds = 30)
    {
        var alpha = new TestableFlowAlpha(TimeSpan.FromSeconds(halfLifeSeconds), clock ?? TestMarketHours.AlwaysOpen());
        alpha.OnSecuritiesChanged(_algorithm, Added(NewSecurity()));
        return alpha;
    }

    [Test]
    public void BuyPressureGivesAnUpInsightCarryingTheDrift()
    {
        var alpha = Model();
        // 3 buys of 1 and one sell of 1 at the same instant: I = (3 − 1) / 4 = 0.5
        var insight = alpha.Update(_algorithm, At(0, Quote(0), Trade(0, 100.01m, 1m), Trade(0, 100.01m, 1m), Trade(0, 99.99m, 1m), Trade(0, 100.02m, 1m))).Single();

        Assert.That(insight.Symbol, Is.EqualTo(Btc));
        Assert.That(insight.Type, Is.EqualTo(InsightType.Price));
        Assert.That(insight.Direction, Is.EqualTo(InsightDirection.Up));
        Assert.That(insight.Magnitude, Is.EqualTo(0.0004 * 0.5).Within(1e-15));
        Assert.That(insight.Confidence, Is.EqualTo(0.5).Within(1e-15));
        Assert.That(insight.Period, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(insight.SourceModel, Is.EqualTo(alpha.Name));
    }

    [Test]
    public void EmitsAtMostOncePerPeriodUnlessTheDirectionFlips()
    {
        var alpha = Model();
        Assert.That(alpha.Update(_algorithm, At(0, Quote(0), Trade(0, 99.99m, 1m))).Single().Direction, Is.EqualTo(InsightDirection.Down));
        Assert.That(alpha.Update(_algorithm, At(5, Trade(5, 99.99m, 1m))), Is.Empty, "same view inside the period");
        Assert.That(alpha.Update(_algorithm, At(10, Trade(10, 99.99m, 1m))).Single().Direction, Is.EqualTo(InsightDirection.Down), "period elapsed");
        Assert.That(alpha.Update(_algorithm, At(20, Quote(20))), Is.Empty, "period elapsed again but no trades since the last insight");

        // heavy buying flips the view at once
        var flipped = alpha.Update(_algorithm, At(21, Trade(21, 100.01m, 10m))).Single();
        Assert.That(flipped.Direction, Is.EqualTo(InsightDirection.Up));
    }

    [Test]
    public void AFadingViewEmitsOneFlatInsight()
    {
        var alpha = Model();
        alpha.Update(_algorithm, At(0, Quote(0), Trade(0, 100.01m, 1m)));
        // balanced flow: I = (e^(−ln2/30)·1 − 1)/(… + 1) ≈ −0.01, inside the ±0.2 threshold
        var flat = alpha.Update(_algorithm, At(1, Trade(1, 99.99m, 1m))).Single();
        Assert.That(flat.Direction, Is.EqualTo(InsightDirection.Flat));
        Assert.That(flat.Magnitude, Is.EqualTo(0));
        Assert.That(alpha.Update(_algorithm, At(20, Trade(20, 100.00m, 1m))), Is.Empty, "a mid print is unsigned; still flat");
    }

    [Test]
    public void OneSidedQuoteTicksBuildTheBookTradesAreSignedAgainst()
    {
        // LEAN equity tick data: every quote tick carries one side only
        var alpha = Model();
        var bidOnly = new Tick(Start, Btc, 2m, 99.99m, 0m, 0m);
        var askOnly = new Tick(Start, Btc, 0m, 0m, 2m, 100.01m);
        var insight = alpha.Update(_algorithm, At(0, bidOnly, askOnly, Trade(0, 100.01m, 1m), Trade(0, 100.01m, 1m))).Single();
        Assert.That(insight.Direction, Is.EqualTo(InsightDirection.Up));
        Assert.That(alpha.ImbalanceOf(Btc), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void AfterTheCloseTradesAreSignedOnlyAgainstTheNewSessionsQuotes()
    {
        // Start is Tuesday 10:00 on an equity calendar: a sell at 15:59:59 against 99.99/100.01, then the stock opens 2 %
        // higher on Wednesday and its first trade prints at 102 before any quote of the new session
        var alpha = Model(TestMarketHours.Equity(Start, 5));
        const int close = (6 * 3600) - 1;
        const int open = 84600;
        Assert.That(alpha.Update(_algorithm, At(close, Quote(close), Trade(close, 99.99m, 5m))).Single().Direction, Is.EqualTo(InsightDirection.Down));
        Assert.That(alpha.Update(_algorithm, At(open, Trade(open, 102m, 1m))), Is.Empty, "not signed against yesterday's book");
        Assert.That(alpha.ImbalanceOf(Btc), Is.Zero, "nothing of yesterday's flow is carried");

        var insight = alpha.Update(_algorithm, At(open + 1, Quote(open + 1, 101.99m, 102.01m), Trade(open + 1, 102.01m, 1m))).Single();
        Assert.That(insight.Direction, Is.EqualTo(InsightDirection.Up));
        Assert.That(alpha.ImbalanceOf(Btc), Is.EqualTo(1));
    }

    [Test]
    public void TheFlowRestartsAfterAShortBreak()
    {
        // a forex-like daily break 16:58–17:03 and a 10-minute half-life: sells of 5 at 16:57, then one buy of 1 at 17:03.
        // The flow before the break is not carried (not even decayed over the break's 5 minutes): I = 1
        var alpha = Model(TestMarketHours.Forex(Start.AddDays(-2), 1), halfLifeSeconds: 600);
        const int beforeBreak = (6 * 3600) + (57 * 60);
        const int afterBreak = (7 * 3600) + (3 * 60);
        alpha.Update(_algorithm, At(beforeBreak, Quote(beforeBreak), Trade(beforeBreak, 99.99m, 5m)));
        Assert.That(alpha.ImbalanceOf(Btc), Is.EqualTo(-1));
        var insight = alpha.Update(_algorithm, At(afterBreak, Quote(afterBreak), Trade(afterBreak, 100.01m, 1m))).Single();
        Assert.That(alpha.ImbalanceOf(Btc), Is.EqualTo(1));
        Assert.That(insight.Direction, Is.EqualTo(InsightDirection.Up));
    }

    [Test]
    public void TicksOfASecurityNeverAddedAreIgnored()
    {
        var alpha = Model();
        var other = QuantConnect.Symbol.Create("ETHUSDT", QuantConnect.SecurityType.Crypto, QuantConnect.Market.Binance);
        var trade = new Tick(Start, other, "", "", 1m, 100.01m);
        Assert.That(alpha.Update(_algorithm, At(0, new Tick(Start, other, 2m, 99.99m, 2m, 100.01m), trade)), Is.Empty);
        Assert.That(alpha.ImbalanceOf(other), Is.Zero);
    }

    [Test]
    public void SlicesWithoutTicksProduceNothing() =>
        Assert.That(Model().Update(_algorithm, At(0)), Is.Empty);

    [Test]
    public void RejectsInvalidSettings()
    {
        Assert.Throws<MarketMakingException>(() => new OrderFlowImbalanceAlphaModel(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), 1e-4));
        Assert.Throws<MarketMakingException>(() => new OrderFlowImbalanceAlphaModel(TimeSpan.Zero, TimeSpan.FromSeconds(1), 1e-4));
        Assert.Throws<MarketMakingException>(() => new OrderFlowImbalanceAlphaModel(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1e-4, threshold: 1));
    }

    private sealed class TestableFlowAlpha : OrderFlowImbalanceAlphaModel
    {
        private readonly OpenMarketClock _clock;

        public TestableFlowAlpha(TimeSpan halfLife, OpenMarketClock clock)
            : base(halfLife, insightPeriod: TimeSpan.FromSeconds(10), impactCoefficient: 0.0004, threshold: 0.2)
        {
            _clock = clock;
        }

        protected override OpenMarketClock CreateClock(Security security) => _clock;
    }
}
