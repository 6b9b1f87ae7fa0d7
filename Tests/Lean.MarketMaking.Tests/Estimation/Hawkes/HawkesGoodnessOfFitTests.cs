using System.Linq;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Hawkes;

[TestFixture]
public class HawkesGoodnessOfFitTests
{
    private static readonly HawkesParameters Truth = new(new[] { 0.4, 0.3 }, new[,] { { 0.4, 0.2 }, { 0.3, 0.3 } }, 1.5);

    [Test]
    public void AcceptsTheTrueAndTheFittedModel()
    {
        var events = HawkesSimulator.Simulate(Truth, 5_000, seed: 21);
        var truth = HawkesGoodnessOfFit.Test(Truth, events);
        Assert.That(truth.Residuals.Select(r => r.Length), Is.EqualTo(new[] { events.Count(0), events.Count(1) }));
        // Under the true model the residuals are Exp(1): mean 1 within 4 SE (SE = 1/√n), and the KS p-value is U(0,1).
        var pooled = truth.Residuals.SelectMany(r => r).ToArray();
        Assert.That(pooled.Average(), Is.EqualTo(1.0).Within(4 / System.Math.Sqrt(pooled.Length)));
        Assert.That(truth.PValue, Is.GreaterThan(0.01));
        var fitted = HawkesGoodnessOfFit.Test(HawkesEstimator.Fit(events).Parameters, events);
        Assert.That(fitted.PValue, Is.GreaterThan(0.01));
    }

    [Test]
    public void RejectsAPoissonModelFittedToHawkesData()
    {
        var events = HawkesSimulator.Simulate(Truth, 5_000, seed: 21);
        // Poisson MLE: μᵢ = Nᵢ/T, no excitation. Clustering makes the rescaled gaps over-dispersed.
        var poisson = new HawkesParameters(new[] { events.Count(0) / events.Horizon, events.Count(1) / events.Horizon }, new double[2, 2], 1.0);
        var result = HawkesGoodnessOfFit.Test(poisson, events);
        Assert.That(result.PValue, Is.LessThan(1e-6));
        Assert.That(result.KsStatistic, Is.GreaterThan(0.05));
    }

    [TestCase(0.5, 0.9639452)]
    [TestCase(1.0, 0.2699997)]
    [TestCase(1.2238, 0.10)]
    [TestCase(1.3581, 0.05)]
    [TestCase(1.6276, 0.01)]
    public void KolmogorovDistributionMatchesTabulatedValues(double x, double survival)
    {
        // Tabulated Kolmogorov distribution (Smirnov 1948 tables; the classic critical values 1.2238/1.3581/1.6276 for 10/5/1%),
        // quoted to 4 significant digits for the critical values.
        Assert.That(KolmogorovSmirnov.KolmogorovSurvival(x), Is.EqualTo(survival).Within(survival * 1e-3 + 1e-6));
    }

    [Test]
    public void StatisticOfAPerfectQuantileSampleIsHalfOverN()
    {
        // Sample at the midpoints of n equal-probability bins: Dₙ = 1/(2n) exactly.
        const int n = 50;
        var sample = Enumerable.Range(0, n).Select(i => -System.Math.Log(1 - ((i + 0.5) / n))).ToArray();
        Assert.That(KolmogorovSmirnov.Statistic(sample, x => 1 - System.Math.Exp(-x)), Is.EqualTo(0.5 / n).Within(1e-12));
    }
}
