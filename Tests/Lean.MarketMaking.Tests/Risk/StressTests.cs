using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Regimes;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

[TestFixture]
public class StressTests
{
    // two assets: long 10 at 100, short 20 at 50; σ 0.1 and 0.05 per √s; ρ = 0.5; impact horizon 100 s
    private static StressMarket Book(double q0 = 10, double q1 = -20) => new(
        mids: new[] { 100.0, 50.0 }, inventory: new[] { q0, q1 }, volatility: new[] { 0.1, 0.05 },
        correlation: new[,] { { 1, 0.5 }, { 0.5, 1 } }, intensityA: new[] { 1.0, 2.0 }, intensityK: new[] { 10.0, 20.0 },
        halfSpread: new[] { 0.01, 0.02 }, impactCoefficient: new[] { 1.0, 1.0 }, impactVolume: new[] { 10_000.0, 40_000.0 },
        impactHorizonSeconds: 100);

    // average square-root impact of the whole inventory: (2/3)·Y·σ√h·√(|q|/V)
    private static readonly double Impact0 = 2.0 / 3 * 0.1 * 10 * Math.Sqrt(10 / 10_000.0);
    private static readonly double Impact1 = 2.0 / 3 * 0.05 * 10 * Math.Sqrt(20 / 40_000.0);

    /// <summary>A quoting model that shows what it was built from: mid ± 1/k of its asset.</summary>
    private static IQuotingModel DepthOneOverK(StressMarket market, int asset) => new Fixed(1 / market.IntensityK[asset]);

    [Test]
    public void TheLiquidationCostIsTheHalfSpreadPlusTheAverageSquareRootImpact() =>
        Assert.That(Book().LiquidationCost(), Is.EqualTo((10 * (0.01 + Impact0)) + (20 * (0.02 + Impact1))).Within(1e-12));

    [Test]
    public void JumpsAreSizedFromTheJumpEstimatesInPriceOrLogReturnUnits()
    {
        var jumps = new[]
        {
            new JumpSummary(1000, JumpSizeUnit.Price, new JumpSideSummary(3, 0.003, 0.5, 2), new JumpSideSummary(2, 0.002, 0.4, 2.5)),
            new JumpSummary(1000, JumpSizeUnit.LogReturn, new JumpSideSummary(3, 0.003, 0.01, 100), new JumpSideSummary(1, 0.001, 0.02, 50)),
        };
        var market = Book();
        var up = StressTest.Run(market, StressScenarios.JumpUp(jumps, market.Mids, 2), DepthOneOverK);
        var up1 = 50 * (Math.Exp(0.02) - 1);
        Assert.That(up.Shocked.Mids.ToArray(), Is.EqualTo(new[] { 101.0, 50 + up1 }).Within(1e-12));
        Assert.That(up.Pnl, Is.EqualTo((10 * 1.0) - (20 * up1)).Within(1e-12));
        Assert.That(up.LiquidationCostChange, Is.Zero);
        Assert.That(up.Quotes[0].Bid, Is.EqualTo(101 - 0.1).Within(1e-12), "quoted at the shocked mid");

        var down = StressTest.Run(market, StressScenarios.JumpDown(jumps, market.Mids, 2), DepthOneOverK);
        Assert.That(down.Pnl, Is.EqualTo((10 * -0.8) - (20 * -50 * (Math.Exp(0.04) - 1))).Within(1e-12));
        var none = new JumpSummary(1000, JumpSizeUnit.Price, new JumpSideSummary(0, 0, null, null), new JumpSideSummary(0, 0, null, null));
        Assert.Throws<MarketMakingException>(() => StressScenarios.JumpUp(new[] { none, none }, market.Mids, 2));
    }

    [Test]
    public void VolatilityTimesTwoDoublesTheImpactOfTheExit()
    {
        var result = StressTest.Run(Book(), StressScenarios.VolatilityTimes(2), DepthOneOverK);
        Assert.That(result.Shocked.Volatility.ToArray(), Is.EqualTo(new[] { 0.2, 0.1 }).Within(1e-15));
        Assert.That(result.PriceMovePnl, Is.Zero);
        Assert.That(result.Pnl, Is.EqualTo(-((10 * Impact0) + (20 * Impact1))).Within(1e-12));
    }

    [Test]
    public void CorrelationBreakdownsMoveEveryAssetKSigmaAgainstTheBook()
    {
        // against the book: long 10 falls 3·0.1·√4 = 0.6, short 20 rises 3·0.05·2 = 0.3: −k√h Σ|q|σ = −12
        var against = StressTest.Run(Book(), StressScenarios.CorrelationsAgainstTheBook(3, 4), (m, i) => new Fixed(0.1));
        Assert.That(against.Shocked.Mids.ToArray(), Is.EqualTo(new[] { 99.4, 50.3 }).Within(1e-12));
        Assert.That(against.Pnl, Is.EqualTo(-12).Within(1e-12));
        Assert.That(against.Shocked.Correlation(0, 1), Is.EqualTo(-StressScenario.BreakdownCorrelation), "a long and a short: −1");

        // to +1: the long/short book is hedged when Σ qσ = 0; a long/long book loses −k√h|Σ qσ|
        Assert.That(StressTest.Run(Book(), StressScenarios.CorrelationsToOne(3, 4), (m, i) => new Fixed(0.1)).Pnl, Is.EqualTo(0).Within(1e-12));
        var longs = StressTest.Run(Book(10, 20), StressScenarios.CorrelationsToOne(3, 4), (m, i) => new Fixed(0.1));
        Assert.That(longs.Pnl, Is.EqualTo(-3 * 2 * 2.0).Within(1e-12));
        Assert.That(longs.Shocked.Correlation(0, 1), Is.EqualTo(StressScenario.BreakdownCorrelation));
    }

    [Test]
    public void AMultiAssetModelIsRebuiltFromTheShockedCovariance()
    {
        double[,]? seen = null;
        var result = StressTest.Run(Book(), StressScenarios.CorrelationsAgainstTheBook(1, 1), market =>
        {
            seen = market.CovarianceMatrix();
            return new FixedMulti(0.5);
        });
        Assert.That(seen![0, 1], Is.EqualTo(-0.1 * 0.05 * StressScenario.BreakdownCorrelation).Within(1e-15));
        Assert.That(result.Quotes.Select(q => q.Ask), Is.EqualTo(new[] { 99.9 + 0.5, 50.05 + 0.5 }).Within(1e-12));
    }

    [Test]
    public void ALiquidityDryUpScalesTheIntensityWidensSpreadsAndMultipliesImpact()
    {
        var result = StressTest.Run(Book(), StressScenarios.LiquidityDryUp(0.25, 0.5, 3, 3), DepthOneOverK);
        Assert.That(result.Shocked.IntensityA.ToArray(), Is.EqualTo(new[] { 0.25, 0.5 }));
        Assert.That(result.Shocked.IntensityK.ToArray(), Is.EqualTo(new[] { 5.0, 10.0 }));
        Assert.That(result.Quotes.Select(q => q.Ask - q.Reservation), Is.EqualTo(new[] { 0.2, 0.1 }).Within(1e-12), "the model sees k/2");
        // exit cost: spreads ×3 and impact ×3, each twice its own amount more
        Assert.That(result.Pnl, Is.EqualTo(-((10 * ((2 * 0.01) + (2 * Impact0))) + (20 * ((2 * 0.02) + (2 * Impact1))))).Within(1e-12));
    }

    [Test]
    public void TheWorstRegimeIsTheMostVolatileStateScaledToTheMidPerSquareRootSecond()
    {
        var regimes = new HiddenMarkovModelParameters(new[] { 0.5, 0.5 }, new[,] { { 0.9, 0.1 }, { 0.2, 0.8 } },
            new[] { GaussianEmission.Univariate(0, 0.001), GaussianEmission.Univariate(-0.0005, 0.004) });
        var market = new StressMarket(new[] { 100.0 }, new[] { 5.0 }, new[] { 0.01 }, new double[,] { { 1 } }, new[] { 1.0 }, new[] { 10.0 },
            new[] { 0.01 }, new[] { 1.0 }, new[] { 1000.0 }, 60);
        var result = StressTest.Run(market, StressScenarios.WorstRegime(regimes, observationSeconds: 60), DepthOneOverK);
        Assert.That(result.Name, Does.Contain("state 1"));
        Assert.That(result.Shocked.Volatility[0], Is.EqualTo(100 * 0.004 / Math.Sqrt(60)).Within(1e-15));
        var impact = (2.0 / 3) * Math.Sqrt(60) * Math.Sqrt(5 / 1000.0);
        Assert.That(result.Pnl, Is.EqualTo(-5 * impact * ((100 * 0.004 / Math.Sqrt(60)) - 0.01)).Within(1e-12));
    }

    [Test]
    public void UserScenariosComeFromValidatedJson()
    {
        var scenarios = StressScenarioJson.Parse("""
            [{"name": "desk crash", "priceShocks": [-1, 0.5], "spreadMultiplier": 2},
             {"name": "hedge break", "correlation": "against-the-book", "sigmas": 3, "horizonSeconds": 4}]
            """);
        Assert.That(scenarios.Select(s => s.Name), Is.EqualTo(new[] { "desk crash", "hedge break" }));
        var crash = StressTest.Run(Book(), scenarios[0], DepthOneOverK);
        Assert.That(crash.Pnl, Is.EqualTo((10 * -1.0) + (-20 * 0.5) - ((10 * 0.01) + (20 * 0.02))).Within(1e-12));
        Assert.That(StressTest.Run(Book(), scenarios[1], DepthOneOverK).Pnl, Is.EqualTo(-12).Within(1e-12));

        Assert.That(Field("""[{"name": "x", "foo": 1}]"""), Is.EqualTo("[0].foo"));
        Assert.That(Field("""{"priceShocks": [1]}"""), Is.EqualTo("name"));
        Assert.That(Field("""{"name": "x", "volatilityMultiplier": -2}"""), Is.EqualTo("volatilityMultiplier"));
        Assert.That(Field("""{"name": "x", "correlation": "zero"}"""), Is.EqualTo("correlation"));
        Assert.That(Field("""{"name": "x", "priceShocks": [1, "a"]}"""), Is.EqualTo("priceShocks[1]"));
        Assert.That(Field("""{"name": 3}"""), Is.EqualTo("name"));
        Assert.That(Field("not json"), Is.EqualTo("json"));
    }

    [Test]
    public void BadShocksAreRejectedNamingWhatFailed()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => StressTest.Run(Book(), new StressScenario("x", new[] { -100.0, 0 }), DepthOneOverK))!
            .ParameterName, Is.EqualTo("PriceShocks"), "a mid pushed to ≤ 0");
        Assert.That(Assert.Throws<MarketMakingException>(() => StressTest.Run(Book(), new StressScenario("x", new[] { 1.0 }), DepthOneOverK))!
            .ParameterName, Is.EqualTo("PriceShocks"), "one shock for two assets");
        Assert.Throws<MarketMakingException>(() => _ = new StressScenario("x", correlation: new double[,] { { 1 } }, correlationShock: StressCorrelationShock.AllToOne));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new StressMarket(new[] { 1.0 }, new[] { 1.0 }, new[] { 1.0 }, new double[,] { { 1 } },
            new[] { 1.0 }, new[] { 1.0 }, new[] { 0.0 }, new[] { 1.0 }, new[] { 1.0, 2.0 }, 1))!.ParameterName, Is.EqualTo("impactVolume"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new StressMarket(new[] { 1.0, 1 }, new[] { 1.0, 1 }, new[] { 1.0, 1 },
            new double[,] { { 1, 2 }, { 2, 1 } }, new[] { 1.0, 1 }, new[] { 1.0, 1 }, new[] { 0.0, 0 }, new[] { 1.0, 1 }, new[] { 1.0, 1 }, 1))!
            .ParameterName, Is.EqualTo("correlation"));
    }

    private static string? Field(string json) => Assert.Throws<MarketMakingException>(() => StressScenarioJson.Parse(json))!.ParameterName;

    private sealed class Fixed : IQuotingModel
    {
        private readonly double _depth;

        public Fixed(double depth) => _depth = depth;

        public TwoSidedQuote Quote(in MarketSnapshot snapshot) => TwoSidedQuote.FromDepths(snapshot.Mid, snapshot.Mid, _depth, _depth, 1, 1);
    }

    private sealed class FixedMulti : IMultiAssetQuotingModel
    {
        private readonly double _depth;

        public FixedMulti(double depth) => _depth = depth;

        public int AssetCount => 2;

        public void Quote(ReadOnlySpan<double> mids, ReadOnlySpan<double> inventory, double time, Span<TwoSidedQuote> quotes)
        {
            for (var i = 0; i < mids.Length; i++)
            {
                quotes[i] = TwoSidedQuote.FromDepths(mids[i], mids[i], _depth, _depth, 1, 1);
            }
        }
    }
}
