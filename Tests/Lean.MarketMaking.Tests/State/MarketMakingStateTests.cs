using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.LinearAlgebra;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Risk;
using Lean.MarketMaking.Models.State;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.State;

[TestFixture]
public class MarketMakingStateTests
{
    private static readonly HawkesParameters BuySell = new(new[] { 0.5, 0.4 }, new[,] { { 0.3, 0.1 }, { 0.1, 0.3 } }, 2.0);

    [Test]
    public void FlatStateHasOneEntryPerAssetAndNothingEstimated()
    {
        var state = MarketMakingState.Flat(3);
        Assert.That(state.AssetCount, Is.EqualTo(3));
        Assert.That(state.Inventory, Is.EqualTo(new[] { 0.0, 0.0, 0.0 }));
        Assert.That(state.OrderFlow, Has.Length.EqualTo(3).And.All.Null);
        Assert.That(state.Jumps, Has.Length.EqualTo(3).And.All.Null);
        Assert.That(state.Risk, Is.Null);
        Assert.That(state.RegimeProbabilities, Is.Empty);
    }

    [Test]
    public void WithMethodsReplaceOneComponentAndKeepTheRest()
    {
        var jumps = new MidPriceJumpParameters(0.1, 0.6, 100, 80, 0.2, 0.01, 0.01);
        var risk = new RiskMetrics(10, 12, 0.99, 60, 1000, -200);
        var state = MarketMakingState.Flat(2)
            .WithInventory(ImmutableArray.Create(3.0, -1.0))
            .WithOrderFlow(1, BuySell)
            .WithJumps(0, jumps)
            .WithRegimeProbabilities(ImmutableArray.Create(0.25, 0.75))
            .WithRisk(risk);
        Assert.That(state.Inventory, Is.EqualTo(new[] { 3.0, -1.0 }));
        Assert.That(state.OrderFlow[0], Is.Null);
        Assert.That(state.OrderFlow[1], Is.SameAs(BuySell));
        Assert.That(state.Jumps[0], Is.SameAs(jumps));
        Assert.That(state.RegimeProbabilities, Is.EqualTo(new[] { 0.25, 0.75 }));
        Assert.That(state.Risk, Is.SameAs(risk));
    }

    [Test]
    public void InvalidComponentsAreNamed()
    {
        var flat = MarketMakingState.Flat(2);
        Assert.That(Assert.Throws<MarketMakingException>(() => flat.WithInventory(ImmutableArray.Create(1.0, double.NaN)))!.ParameterName,
            Is.EqualTo("inventory[1]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => flat.WithVolatility(ImmutableArray.Create(1.0, -1.0)))!.ParameterName,
            Is.EqualTo("volatilityPerSqrtSecond[1]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => flat.WithRegimeProbabilities(ImmutableArray.Create(0.5, 0.6)))!.ParameterName,
            Is.EqualTo("regimeProbabilities"));
        Assert.That(Assert.Throws<MarketMakingException>(() => flat.WithCorrelation(CorrelationMatrix.Identity(3)))!.ParameterName,
            Is.EqualTo("correlation"));
        Assert.That(Assert.Throws<MarketMakingException>(() => flat.WithOrderFlow(2, BuySell))!.ParameterName, Is.EqualTo("asset"));
        var univariate = new HawkesParameters(new[] { 0.5 }, new[,] { { 0.3 } }, 2.0);
        Assert.That(Assert.Throws<MarketMakingException>(() => flat.WithOrderFlow(0, univariate))!.ParameterName, Is.EqualTo("orderFlow[0]"));
    }

    [TestCase(-1, 1, 0.99, 60, 10, 0, "valueAtRisk")]
    [TestCase(5, 4, 0.99, 60, 10, 0, "expectedShortfall")]
    [TestCase(1, 2, 1.0, 60, 10, 0, "confidenceLevel")]
    [TestCase(1, 2, 0.99, 0, 10, 0, "horizonSeconds")]
    [TestCase(1, 2, 0.99, 60, 10, -11, "netExposure")]
    public void RiskMetricsValidateEachField(double var, double es, double level, double horizon, double gross, double net, string name)
    {
        var e = Assert.Throws<MarketMakingException>(() => _ = new RiskMetrics(var, es, level, horizon, gross, net))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo(name));
    }
}
