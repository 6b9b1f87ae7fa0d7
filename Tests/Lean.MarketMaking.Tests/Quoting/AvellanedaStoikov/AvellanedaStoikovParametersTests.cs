using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.AvellanedaStoikov;

[TestFixture]
public class AvellanedaStoikovParametersTests
{
    private static readonly double[] NotPositive = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -1 };
    private static readonly double[] NotNonNegative = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1e-9 };

    private static IEnumerable<TestCaseData> FiniteHorizonCases()
    {
        foreach (var bad in NotPositive)
        {
            yield return Case("riskAversion", bad, () => _ = new AvellanedaStoikovParameters(bad, 2, 1.5, 1));
            yield return Case("volatility", bad, () => _ = new AvellanedaStoikovParameters(0.1, bad, 1.5, 1));
            yield return Case("intensityDecay", bad, () => _ = new AvellanedaStoikovParameters(0.1, 2, bad, 1));
            yield return Case("horizon", bad, () => _ = new AvellanedaStoikovParameters(0.1, 2, 1.5, bad));
            yield return Case("orderSize", bad, () => _ = new AvellanedaStoikovParameters(0.1, 2, 1.5, 1, bad));
        }

        foreach (var bad in NotNonNegative)
        {
            yield return Case("adverseSelectionPremium", bad, () => _ = new AvellanedaStoikovParameters(0.1, 2, 1.5, 1, 1, bad));
        }
    }

    private static IEnumerable<TestCaseData> InfiniteHorizonCases()
    {
        foreach (var bad in NotPositive)
        {
            yield return Case("riskAversion", bad, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(bad, 2, 1.5, 1, 5));
            yield return Case("volatility", bad, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(0.1, bad, 1.5, 1, 5));
            yield return Case("intensityDecay", bad, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, bad, 1, 5));
            yield return Case("discountRate", bad, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, bad, 5));
            yield return Case("maxInventory", bad, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, 1, bad));
            yield return Case("orderSize", bad, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, 1, 5, bad));
        }

        foreach (var bad in NotNonNegative)
        {
            yield return Case("adverseSelectionPremium", bad, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, 1, 5, 1, bad));
        }

        // ω must exceed ½γ²σ²(q_max + 1)² = ½·0.01·4·36 = 0.72 (the paper's "natural choice" itself is the excluded boundary).
        yield return Case("discountRate", 0.72, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, 0.72, 5));
        yield return Case("discountRate", 0.5, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, 0.5, 5));

        // With lots of z = 3 the value must stay finite up to |q| = q_max + z: ω > ½·0.01·4·64 = 1.28.
        yield return Case("discountRate", 1.28, () => _ = new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, 1.28, 5, 3));
    }

    private static TestCaseData Case(string parameter, double value, Action create) =>
        new TestCaseData(parameter, create).SetArgDisplayNames(parameter, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [TestCaseSource(nameof(FiniteHorizonCases))]
    [TestCaseSource(nameof(InfiniteHorizonCases))]
    public void RejectsInvalidValuesNamingTheParameter(string parameter, Action create)
    {
        var e = Assert.Throws<MarketMakingException>(() => create())!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo(parameter));
    }

    [Test]
    public void KeepsValidValues()
    {
        var p = new AvellanedaStoikovParameters(0.1, 2, 1.5, 1, 3, 0.01);
        Assert.That(
            (p.RiskAversion, p.Volatility, p.IntensityDecay, p.Horizon, p.OrderSize, p.AdverseSelectionPremium),
            Is.EqualTo((0.1, 2.0, 1.5, 1.0, 3.0, 0.01)));
        // With z = 3 the bound is ½γ²σ²(q_max + z)² = ½·0.01·4·64 = 1.28.
        var i = new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, 1.2800001, 5, 3, 0.01);
        Assert.That(
            (i.RiskAversion, i.Volatility, i.IntensityDecay, i.DiscountRate, i.MaxInventory, i.OrderSize, i.AdverseSelectionPremium),
            Is.EqualTo((0.1, 2.0, 1.5, 1.2800001, 5.0, 3.0, 0.01)));
        Assert.That(InfiniteHorizonAvellanedaStoikovParameters.MinimumDiscountRate(0.1, 2, 5), Is.EqualTo(0.72).Within(1e-15));
        Assert.That(InfiniteHorizonAvellanedaStoikovParameters.MinimumDiscountRate(0.1, 2, 5, 3), Is.EqualTo(1.28).Within(1e-15));
    }

    [Test]
    public void ModelsRejectNullParameters()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new AvellanedaStoikovModel(null!))!.ParameterName, Is.EqualTo("parameters"));
        Assert.That(
            Assert.Throws<MarketMakingException>(() => _ = new InfiniteHorizonAvellanedaStoikovModel(null!))!.ParameterName,
            Is.EqualTo("parameters"));
    }
}
