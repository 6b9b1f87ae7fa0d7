using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Simulation;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Simulation;

[TestFixture]
public class MarketMakingSimulatorTests
{
    private static MarketMakingSimulator PaperSimulator => new(MarketMakingSimulationSettings.AvellanedaStoikov2008);

    [Test]
    public void SameSeedGivesIdenticalResultsAndOtherSeedsDiffer()
    {
        var model = new SymmetricQuotingModel(1.4);
        var a = PaperSimulator.Run(model, 7);
        var b = PaperSimulator.Run(model, 7);
        var c = PaperSimulator.Run(model, 8);
        Assert.That(a.Profits, Is.EqualTo(b.Profits));
        Assert.That(a.FinalInventories, Is.EqualTo(b.FinalInventories));
        Assert.That(a.Profits, Is.Not.EqualTo(c.Profits));
    }

    [Test]
    public void ConstantSymmetricQuotesRecoverTheBernoulliFillModel()
    {
        // Symmetric depth δ = 0.7: each side fills independently with p = A·e^(−kδ)·dt per step over N = 200 steps.
        // The mid is a martingale and fills are independent of it, so E[profit] = 2Np·δ, E[q_T] = 0 and, the sides being
        // independent Bernoulli sums, Var(q_T) = 2Np(1 − p) exactly. Tolerance: 4 standard errors of the estimators
        // (s/√n for means, s·√((κ − 1)/(4n)) ≈ s/√(2n) for the standard deviation of the near-normal q_T).
        const double delta = 0.7;
        var settings = MarketMakingSimulationSettings.AvellanedaStoikov2008;
        var p = settings.ArrivalIntensity * Math.Exp(-settings.IntensityDecay * delta) * settings.TimeStep;
        var n = settings.Steps;
        var result = PaperSimulator.Run(new SymmetricQuotingModel(2 * delta), 11);
        var paths = result.Paths;
        var expectedStdQ = Math.Sqrt(2 * n * p * (1 - p));
        Assert.Multiple(() =>
        {
            Assert.That(result.AverageSpread, Is.EqualTo(2 * delta).Within(1e-12));
            Assert.That(result.MeanProfit, Is.EqualTo(2 * n * p * delta).Within(4 * result.ProfitStandardDeviation / Math.Sqrt(paths)));
            Assert.That(result.MeanFinalInventory, Is.EqualTo(0).Within(4 * expectedStdQ / Math.Sqrt(paths)));
            Assert.That(result.FinalInventoryStandardDeviation, Is.EqualTo(expectedStdQ).Within(4 * expectedStdQ / Math.Sqrt(2.0 * paths)));
        });
    }

    [Test]
    public void WithoutVolatilityProfitIsExactlyTheCapturedDepth()
    {
        // σ = 0: the mid stays at 100, so every fill earns exactly δ against the terminal mark and profit = δ·(number of fills).
        var settings = new MarketMakingSimulationSettings(100, 1, 0, 0.01, 50, 2, 200);
        var result = new MarketMakingSimulator(settings).Run(new SymmetricQuotingModel(1), 3);
        foreach (var profit in result.Profits)
        {
            var fills = profit / 0.5;
            Assert.That(fills, Is.EqualTo(Math.Round(fills)).Within(1e-9));
        }
    }

    [Test]
    public void ModelSeesTheStepTimesAndTheCurrentState()
    {
        var settings = new MarketMakingSimulationSettings(100, 1, 2, 0.25, 140, 1.5, 2, initialInventory: 3);
        var recorder = new RecordingModel();
        new MarketMakingSimulator(settings).Run(recorder, 5);
        Assert.That(recorder.Snapshots.Select(s => s.Time), Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75, 0, 0.25, 0.5, 0.75 }));
        foreach (var start in new[] { 0, 4 })
        {
            Assert.That(recorder.Snapshots[start].Mid, Is.EqualTo(100), "each path starts from s₀");
            Assert.That(recorder.Snapshots[start].Inventory, Is.EqualTo(3), "each path starts from q₀");
            for (var i = start + 1; i < start + 4; i++)
            {
                Assert.That(Math.Abs(recorder.Snapshots[i].Mid - recorder.Snapshots[i - 1].Mid), Is.EqualTo(2 * Math.Sqrt(0.25)).Within(1e-12));
            }
        }
    }

    [Test]
    public void FillProbabilityIsCappedAtOneAndSizeZeroNeverFills()
    {
        // Bid 5 above the mid: A·e^(5k)·dt ≫ 1, so it fills on every step; the ask, 20 above the mid, has
        // p = 140·e^(−30)·0.005 ≈ 7e-14 and never fills. With a bid of size 2 the final inventory is 2·200 on every path.
        var bidAboveMid = new FixedDepthModel(bidDepth: -5, askDepth: 20, bidSize: 2, askSize: 1);
        var result = PaperSimulator.Run(bidAboveMid, 1);
        Assert.That(result.FinalInventories.Distinct(), Is.EqualTo(new[] { 400.0 }));

        var noBid = new FixedDepthModel(bidDepth: -5, askDepth: 20, bidSize: 0, askSize: 1);
        Assert.That(PaperSimulator.Run(noBid, 1).FinalInventories.Distinct(), Is.EqualTo(new[] { 0.0 }));
    }

    [Test]
    public void ComparisonRunsTheSymmetricBenchmarkAtTheModelsAverageSpread()
    {
        var comparison = PaperSimulator.CompareWithSymmetric(new SymmetricQuotingModel(1.3), 9);
        Assert.That(comparison.Symmetric.AverageSpread, Is.EqualTo(comparison.Inventory.AverageSpread).Within(1e-12));
        Assert.That(comparison.Symmetric.Profits, Is.EqualTo(comparison.Inventory.Profits).Within(1e-9));
    }

    private static IEnumerable<TestCaseData> InvalidSettings()
    {
        yield return Bad("initialMid", () => new MarketMakingSimulationSettings(0, 1, 2, 0.005, 140, 1.5, 10));
        yield return Bad("horizon", () => new MarketMakingSimulationSettings(100, double.NaN, 2, 0.005, 140, 1.5, 10));
        yield return Bad("volatility", () => new MarketMakingSimulationSettings(100, 1, -2, 0.005, 140, 1.5, 10));
        yield return Bad("timeStep", () => new MarketMakingSimulationSettings(100, 1, 2, 0, 140, 1.5, 10));
        yield return Bad("timeStep", () => new MarketMakingSimulationSettings(100, 1, 2, 2, 140, 1.5, 10));
        yield return Bad("timeStep", () => new MarketMakingSimulationSettings(100, 1, 2, 0.3, 140, 1.5, 10));
        yield return Bad("arrivalIntensity", () => new MarketMakingSimulationSettings(100, 1, 2, 0.005, double.PositiveInfinity, 1.5, 10));
        yield return Bad("intensityDecay", () => new MarketMakingSimulationSettings(100, 1, 2, 0.005, 140, 0, 10));
        yield return Bad("paths", () => new MarketMakingSimulationSettings(100, 1, 2, 0.005, 140, 1.5, 0));
        yield return Bad("paths", () => new MarketMakingSimulationSettings(100, 1, 2, 0.005, 140, 1.5, 1)); // std of one path was NaN
        yield return Bad("initialInventory", () => new MarketMakingSimulationSettings(100, 1, 2, 0.005, 140, 1.5, 10, double.NaN));
        yield return Bad("spread", () => new SymmetricQuotingModel(0));
        yield return Bad("orderSize", () => new SymmetricQuotingModel(1, -1));
        yield return Bad("settings", () => new MarketMakingSimulator(null!));
        yield return Bad("model", () => PaperSimulator.Run(null!, 1));
    }

    private static TestCaseData Bad(string parameter, Func<object> create) => new TestCaseData(parameter, create);

    [TestCaseSource(nameof(InvalidSettings))]
    public void RejectsInvalidInputNamingIt(string parameter, Func<object> create)
    {
        var e = Assert.Throws<MarketMakingException>(() => create())!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo(parameter));
    }

    [Test]
    public void PaperSettingsAreThoseOfSection33()
    {
        var s = MarketMakingSimulationSettings.AvellanedaStoikov2008;
        Assert.That(
            (s.InitialMid, s.Horizon, s.Volatility, s.TimeStep, s.ArrivalIntensity, s.IntensityDecay, s.Paths, s.InitialInventory, s.Steps),
            Is.EqualTo((100.0, 1.0, 2.0, 0.005, 140.0, 1.5, 1000, 0.0, 200)));
    }

    private sealed class RecordingModel : IQuotingModel
    {
        public List<MarketSnapshot> Snapshots { get; } = new();

        public TwoSidedQuote Quote(in MarketSnapshot snapshot)
        {
            Snapshots.Add(snapshot);
            return TwoSidedQuote.FromDepths(snapshot.Mid, snapshot.Mid, 0.5, 0.5, 1, 1);
        }
    }

    private sealed class FixedDepthModel(double bidDepth, double askDepth, double bidSize, double askSize) : IQuotingModel
    {
        public TwoSidedQuote Quote(in MarketSnapshot snapshot) =>
            TwoSidedQuote.FromDepths(snapshot.Mid, snapshot.Mid, bidDepth, askDepth, bidSize, askSize);
    }
}
