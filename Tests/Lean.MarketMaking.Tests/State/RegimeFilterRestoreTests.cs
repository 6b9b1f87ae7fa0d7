using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Regimes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.State;

[TestFixture]
public class RegimeFilterRestoreTests
{
    private static readonly HiddenMarkovModelParameters Model = new(
        new[] { 0.5, 0.5 },
        new[,] { { 0.95, 0.05 }, { 0.1, 0.9 } },
        new[] { GaussianEmission.Univariate(0, 0.01), GaussianEmission.Univariate(0, 0.05) });

    [Test]
    public void AFilterRestoredFromSavedProbabilitiesContinuesExactlyAsTheOriginal()
    {
        var random = new Random(3);
        var observations = Enumerable.Range(0, 80).Select(t => (t % 40 < 20 ? 0.01 : 0.05) * (random.NextDouble() - 0.5) * 3.4).ToArray();
        var original = new HiddenMarkovModelFilter(Model);
        foreach (var x in observations[..50])
        {
            original.Update(x);
        }

        var saved = original.Probabilities.ToArray();
        Assert.That(saved[0], Is.Not.EqualTo(0.5).Within(1e-3), "the filter has moved off the initial distribution");
        var restored = new HiddenMarkovModelFilter(Model);
        restored.Restore(saved);
        Assert.That(restored.Probabilities.ToArray(), Is.EqualTo(saved));
        foreach (var x in observations[50..])
        {
            original.Update(x);
            restored.Update(x);
            Assert.That(restored.Probabilities.ToArray(), Is.EqualTo(original.Probabilities.ToArray()).Within(1e-12));
        }
    }

    [Test]
    public void RestoreRejectsAnInvalidDistribution()
    {
        var filter = new HiddenMarkovModelFilter(Model);
        Assert.That(Assert.Throws<MarketMakingException>(() => filter.Restore(new[] { 1.0 }))!.ParameterName, Is.EqualTo("probabilities"));
        Assert.That(Assert.Throws<MarketMakingException>(() => filter.Restore(new[] { 0.7, 0.7 }))!.ParameterName, Is.EqualTo("probabilities"));
        Assert.That(Assert.Throws<MarketMakingException>(() => filter.Restore(new[] { -0.1, 1.1 }))!.ParameterName, Is.EqualTo("probabilities[0]"));
        Assert.That(filter.Probabilities.ToArray(), Is.EqualTo(new[] { 0.5, 0.5 }), "a rejected restore leaves the filter unchanged");
    }
}
