using System;
using System.Linq;
using Lean.MarketMaking.Models.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

[TestFixture]
public class FilteredHistoricalValueAtRiskTests
{
    [Test]
    public void ReturnsAreRescaledToTodaysVolatility()
    {
        // σ rises smoothly from 1 % to 3 % over 500 periods. Plain historical VaR mixes all levels; filtered historical
        // rescales every return to the EWMA σ̂ at the end (half-life 20, so ≈ σ 30 periods ago, 2.9 %): its VaR is near
        // the normal 2.326·σ̂. (A sudden jump in σ would not do: the first returns after it, standardised by the old σ̂,
        // become extreme scenarios, which is how FHS reacts to a regime switch.)
        var random = new Random(11);
        var rows = Enumerable.Range(0, 500)
            .Select(t => new[] { (0.01 + (0.02 * t / 499.0)) * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1) })
            .ToArray();
        var history = new ReturnHistory(rows);
        var p = new ValueAtRiskParameters(0.99);
        var e = new[] { 1e6 };
        var (filtered, _, _) = RiskGen.Run("filtered-historical", e, history, p);
        var (plain, _, _) = RiskGen.Run("historical", e, history, p);
        Assert.That(filtered.ValueAtRisk, Is.EqualTo(2.3263478740408408 * 0.029 * 1e6).Within(20).Percent);
        Assert.That(plain.ValueAtRisk, Is.LessThan(0.8 * filtered.ValueAtRisk));
    }

    [Test]
    public void FilteredReturnsAreTheHullWhiteRatio()
    {
        // One asset: r*ₜ = rₜ·σ̂(T)/σ̂(t) with σ̂²(0) = mean of r², σ̂²(t + 1) = λσ̂²(t) + (1 − λ)rₜ², λ = 2^(−1/20).
        // 99 % over the 200 filtered returns: k = 2, VaR = 2nd largest filtered loss, ES = [L₍₁₎/200 + (0.01 − 1/200)·L₍₂₎]/0.01.
        var returns = RiskGen.Returns(4, 200, 1).Select(r => r[0]).ToArray();
        var lambda = Math.Pow(2, -1.0 / 20);
        var variance = returns.Average(x => x * x);
        var sigmas = new double[returns.Length];
        for (var t = 0; t < returns.Length; t++)
        {
            sigmas[t] = Math.Sqrt(variance);
            variance = (lambda * variance) + ((1 - lambda) * returns[t] * returns[t]);
        }

        var now = Math.Sqrt(variance);
        var losses = returns.Select((x, t) => -1e6 * x * now / sigmas[t]).OrderByDescending(x => x).ToArray();
        var (r, _, components) = RiskGen.Run("filtered-historical", new[] { 1e6 }, new ReturnHistory(returns.Select(x => new[] { x }).ToArray()), new ValueAtRiskParameters(0.99));
        Assert.That(r.ValueAtRisk, Is.EqualTo(losses[1]).Within(1e-9 * losses[1]));
        Assert.That(r.ExpectedShortfall, Is.EqualTo(((losses[0] / 200) + ((0.01 - (1.0 / 200)) * losses[1])) / 0.01).Within(1e-9 * losses[0]));
        Assert.That(components[0], Is.EqualTo(r.ValueAtRisk).Within(1e-9 * r.ValueAtRisk));
    }
}
