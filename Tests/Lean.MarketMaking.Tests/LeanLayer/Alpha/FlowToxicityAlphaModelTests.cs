using System;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
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
public class FlowToxicityAlphaModelTests
{
    // no excitation: the Hawkes imbalance and excited fraction stay 0, so the score is (VPIN + persistence)/4
    private static readonly HawkesParameters Poisson = new(new[] { 1.0, 1.0 }, new[,] { { 0.0, 0.0 }, { 0.0, 0.0 } }, 1.0);
    private readonly QCAlgorithm _algorithm = new();

    private static Slice At(int second, params BaseData[] data) => new(Start.AddSeconds(second), data, Start.AddSeconds(second));

    private static Tick Quote(int second) => new(Start.AddSeconds(second), Btc, 2m, 99.99m, 2m, 100.01m);

    private static Tick Trade(int second, decimal price, decimal size) => new(Start.AddSeconds(second), Btc, "", "", size, price);

    private FlowToxicityAlphaModel Model(OpenMarketClock? clock = null)
    {
        var alpha = new TestableToxicityAlpha(clock ?? TestMarketHours.AlwaysOpen());
        alpha.OnSecuritiesChanged(_algorithm, Added(NewSecurity()));
        return alpha;
    }

    [Test]
    public void OneSidedBuyingIsToxicOnTheBuySide()
    {
        var alpha = Model();
        // two buys of 1 (one bucket of 2, all buys: VPIN 1), one sign pair (+1): score (1 + 0 + 0 + 1)/4
        var insight = alpha.Update(_algorithm, At(0, Quote(0), Trade(0, 100.01m, 1m), Trade(0, 100.01m, 1m))).Single();
        Assert.That(insight.Direction, Is.EqualTo(InsightDirection.Up), "buyers informed");
        Assert.That(insight.Confidence, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(insight.Magnitude, Is.Null, "no price move of its own");
        Assert.That(FlowToxicityAlphaModel.IsToxicityInsight(insight), Is.True);
        Assert.That(alpha.ToxicityOf(Btc), Is.EqualTo((0.5, 1)));
    }

    [Test]
    public void BadPrintsAreSkipped()
    {
        var alpha = Model();
        Assert.That(alpha.Update(_algorithm, At(0, Quote(0), Trade(0, 0m, 1m), Trade(0, -100m, 1m), Trade(0, 100.01m, 0m))), Is.Empty);
        Assert.That(alpha.ToxicityOf(Btc), Is.EqualTo((0.0, 0)));
    }

    [Test]
    public void EmitsOnALevelOrSideChangeOrOncePerPeriod()
    {
        var alpha = Model();
        alpha.Update(_algorithm, At(0, Quote(0), Trade(0, 100.01m, 1m), Trade(0, 100.01m, 1m)));
        Assert.That(alpha.Update(_algorithm, At(5, Trade(5, 100.01m, 2m))), Is.Empty, "same level and side inside the period");
        Assert.That(alpha.Update(_algorithm, At(10, Quote(10))).Single().Confidence, Is.EqualTo(0.5).Within(1e-12), "period elapsed");
        // a sell and a buy: the window's one bucket is balanced (VPIN 0), the sign pairs −1, −1 make the persistence
        // (0.75 − 1 − 1)/1.875 < 0 (counts 0), no side leans
        var changed = alpha.Update(_algorithm, At(11, Trade(11, 99.99m, 1m), Trade(11, 100.01m, 1m))).Single();
        Assert.That(changed.Confidence, Is.EqualTo(0).Within(1e-12));
        Assert.That(changed.Direction, Is.EqualTo(InsightDirection.Flat));
    }

    [Test]
    public void AfterTheCloseTheFlowRestarts()
    {
        var alpha = Model(TestMarketHours.Equity(Start, 5));
        const int close = (6 * 3600) - 1;
        const int open = 84600;
        Assert.That(alpha.Update(_algorithm, At(close, Quote(close), Trade(close, 100.01m, 1m), Trade(close, 100.01m, 1m))).Single().Direction,
            Is.EqualTo(InsightDirection.Up));
        // the first trade of the new session: no quote and no earlier price, so unsigned (split evenly in its bucket)
        var insight = alpha.Update(_algorithm, At(open, Trade(open, 102m, 1m))).Single();
        Assert.That(insight.Confidence, Is.EqualTo(0).Within(1e-12), "nothing of yesterday's flow is carried");
        Assert.That(insight.Direction, Is.EqualTo(InsightDirection.Flat));
    }

    [Test]
    public void RejectsInvalidSettings()
    {
        Assert.Throws<MarketMakingException>(() => new FlowToxicityAlphaModel(0, 10, Poisson, 10, TimeSpan.FromSeconds(10)));
        Assert.Throws<MarketMakingException>(() => new FlowToxicityAlphaModel(100, 10, Poisson, 10, TimeSpan.FromMilliseconds(500)));
        Assert.Throws<MarketMakingException>(() => new FlowToxicityAlphaModel(100, 10, HawkesParameters.Univariate(1, 0, 1), 10, TimeSpan.FromSeconds(10)));
    }

    private sealed class TestableToxicityAlpha : FlowToxicityAlphaModel
    {
        private readonly OpenMarketClock _clock;

        public TestableToxicityAlpha(OpenMarketClock clock)
            : base(bucketVolume: 2, bucketCount: 1, Poisson, persistenceHalfLifeTrades: 1, TimeSpan.FromSeconds(10), levels: 10) => _clock = clock;

        protected override OpenMarketClock CreateClock(Security security) => _clock;
    }
}
