using Lean.MarketMaking.Algorithms.Alpha;
using System;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using NUnit.Framework;
using QuantConnect.Algorithm.Framework.Alphas;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.PortfolioConstruction;

[TestFixture]
public class InsightSignalsTests
{
    private static readonly DateTime Utc = new(2024, 1, 2, 15, 0, 0, DateTimeKind.Utc);

    private static Insight Emitted(InsightDirection direction, double? magnitude, string source, int ageSeconds = 0, int periodSeconds = 60)
    {
        var insight = Insight.Price(Btc, TimeSpan.FromSeconds(periodSeconds), direction, magnitude, sourceModel: source);
        insight.GeneratedTimeUtc = Utc.AddSeconds(-ageSeconds);
        insight.CloseTimeUtc = insight.GeneratedTimeUtc + insight.Period;
        return insight;
    }

    [Test]
    public void DriftIsThePredictedMovePerModelTimeUnit()
    {
        var signals = new InsightSignals();
        signals.Add(new[] { Emitted(InsightDirection.Up, 0.001, "a") });
        // 0.1 % of 50 000 over 60 s = 50 per minute = 5/6 per second
        var (drift, decayTime, adverse) = signals.Evaluate(Btc, Utc, 50_000, TimeSpan.FromSeconds(1));
        Assert.That(drift, Is.EqualTo(50.0 / 60).Within(1e-12));
        Assert.That(decayTime, Is.EqualTo(60).Within(1e-12), "the view lasts the insight's period, 60 model seconds");
        Assert.That(adverse, Is.EqualTo(0));
    }

    [Test]
    public void TheSignOfTheDriftComesFromTheDirectionNotTheMagnitude()
    {
        var signals = new InsightSignals();
        signals.Add(new[] { Emitted(InsightDirection.Down, 0.001, "a") });
        Assert.That(signals.Evaluate(Btc, Utc, 100, TimeSpan.FromSeconds(60)).Drift, Is.EqualTo(-0.1).Within(1e-12));
        var negative = new InsightSignals();
        negative.Add(new[] { Emitted(InsightDirection.Down, -0.001, "a") });
        Assert.That(negative.Evaluate(Btc, Utc, 100, TimeSpan.FromSeconds(60)).Drift, Is.EqualTo(-0.1).Within(1e-12));
    }

    [Test]
    public void OnlyTheLatestInsightOfASourceCountsAndSourcesAdd()
    {
        var signals = new InsightSignals(adverseSelectionWeight: 2);
        signals.Add(new[] { Emitted(InsightDirection.Up, 0.002, "a", ageSeconds: 10), Emitted(InsightDirection.Up, 0.001, "a", ageSeconds: 5) });
        signals.Add(new[] { Emitted(InsightDirection.Down, 0.0005, "b") });
        var (drift, decayTime, adverse) = signals.Evaluate(Btc, Utc, 100, TimeSpan.FromSeconds(60));
        Assert.That(drift, Is.EqualTo(0.1 - 0.05).Within(1e-12));
        Assert.That(decayTime, Is.EqualTo(1).Within(1e-12), "both views last one model time unit (60 s)");
        Assert.That(adverse, Is.EqualTo(2 * (0.001 + 0.0005) * 100).Within(1e-12));
    }

    [Test]
    public void ExpiredNonFiniteAndMagnitudelessInsightsAreIgnored()
    {
        var signals = new InsightSignals();
        signals.Add(new[]
        {
            Emitted(InsightDirection.Up, 0.001, "old", ageSeconds: 61),
            Emitted(InsightDirection.Up, double.NaN, "nan"),
            Emitted(InsightDirection.Up, null, "none"),
            new Insight(Btc, TimeSpan.FromMinutes(1), InsightType.Volatility, InsightDirection.Up, 0.5, null, "vol"),
        });
        Assert.That(signals.Evaluate(Btc, Utc, 100, TimeSpan.FromSeconds(1)), Is.EqualTo((0.0, double.PositiveInfinity, 0.0)));
    }

    [Test]
    public void TheLatestUnexpiredToxicityInsightGivesScoreAndSide()
    {
        var signals = new InsightSignals(adverseSelectionWeight: 1);
        Assert.That(signals.Toxicity(Btc, Utc), Is.EqualTo((0.0, 0)));
        var older = Insight.Price(Btc, TimeSpan.FromSeconds(60), InsightDirection.Down, null, 0.9, FlowToxicityAlphaModel.SourcePrefix + "(a)");
        older.GeneratedTimeUtc = Utc.AddSeconds(-20);
        older.CloseTimeUtc = older.GeneratedTimeUtc + older.Period;
        var newer = Insight.Price(Btc, TimeSpan.FromSeconds(60), InsightDirection.Up, null, 0.4, FlowToxicityAlphaModel.SourcePrefix + "(a)");
        newer.GeneratedTimeUtc = Utc.AddSeconds(-10);
        newer.CloseTimeUtc = newer.GeneratedTimeUtc + newer.Period;
        signals.Add(new[] { newer, older });
        Assert.That(signals.Toxicity(Btc, Utc), Is.EqualTo((0.4, 1)));
        Assert.That(signals.Evaluate(Btc, Utc, 100, TimeSpan.FromSeconds(1)), Is.EqualTo((0.0, double.PositiveInfinity, 0.0)), "not a drift view");
        Assert.That(signals.Toxicity(Btc, Utc.AddSeconds(51)), Is.EqualTo((0.0, 0)), "expired");
    }
}
