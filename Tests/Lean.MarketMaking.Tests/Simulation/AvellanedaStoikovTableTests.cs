using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Models.Simulation;
using MathNet.Numerics.Statistics;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Simulation;

/// <summary>
/// Reproduces tables 1–3 of Avellaneda &amp; Stoikov (2008), "High-frequency trading in a limit order book",
/// Quantitative Finance 8(3), §3.3: 1000 paths, s₀ = 100, T = 1, σ = 2, dt = 0.005, A = 140, k = 1.5, q₀ = 0, for
/// γ = 0.1 (table 1), 0.01 (table 2) and 1 (table 3), "inventory" (eqs. 29–30) and "symmetric" (the inventory strategy's
/// average spread centred on the mid) strategies.
/// <para>
/// Tolerances. Each published figure is itself one 1000-path Monte Carlo estimate, independent of ours, so the difference
/// of the two estimates has standard error √(SE_paper² + SE_ours²) (√2·SE when both standard deviations agree). For a mean,
/// SE = s/√N; for a standard deviation, SE ≈ s·√((κ − 1)/(4N)) (the delta method; κ the kurtosis, 3 for a normal, giving
/// s/√(2N)), with κ estimated from our sample and s from each side. We accept 4 such standard errors plus half the last
/// published digit (the tables are rounded). The average spread is not random: see <see cref="AverageSpreadMatchesThePaper"/>.
/// </para>
/// <para>
/// Investigation (40 seeds × 1000 paths, not run here): the simulator's expected values agree with every published figure
/// except the symmetric strategy's profit standard deviation, 13.4 (γ = 0.1) and 13.6 (γ = 0.01) against 12.7 and 12.8,
/// 1.6 and 1.9 standard errors of one run below (the spread of that statistic across the 40 runs is 0.41, as the
/// kurtosis-adjusted formula above predicts with the observed excess kurtosis ≈ 2.3); both tables most likely share the paper's random numbers, so this is one
/// low draw, not two. A symmetric strategy quoting the inventory strategy's time-varying spread instead of its constant
/// average fits worse (γ = 1: final-q std 5.85 against the published 5.1; constant: 5.15), which supports the paper's
/// wording ("quotes a bid/ask spread of $1.49").
/// </para>
/// </summary>
[TestFixture]
public class AvellanedaStoikovTableTests
{
    private const int Seed = 2008;
    private const double Sigma = 2, K = 1.5, Horizon = 1, TimeStep = 0.005;

    private static readonly ConcurrentDictionary<double, StrategyComparison> Runs = new();

    /// <summary>One row of the paper's tables, as published (spread to 2 decimals, profit and std to 1, mean final q to 2, its std to 1).</summary>
    public sealed record PublishedRow(double AverageSpread, double Profit, double ProfitStd, double FinalQ, double FinalQStd);

    private static IEnumerable<TestCaseData> Rows()
    {
        yield return Row("Table1_Gamma0.1_Inventory", 0.1, true, new PublishedRow(1.49, 65.0, 6.6, 0.08, 2.9));
        yield return Row("Table1_Gamma0.1_Symmetric", 0.1, false, new PublishedRow(1.49, 68.4, 12.7, 0.26, 8.4));
        yield return Row("Table2_Gamma0.01_Inventory", 0.01, true, new PublishedRow(1.35, 68.6, 8.7, 0.12, 5.1));
        yield return Row("Table2_Gamma0.01_Symmetric", 0.01, false, new PublishedRow(1.35, 68.8, 12.8, 0.09, 8.7));
        yield return Row("Table3_Gamma1_Inventory", 1, true, new PublishedRow(3.02, 31.4, 5.0, 0.02, 1.7));
        yield return Row("Table3_Gamma1_Symmetric", 1, false, new PublishedRow(3.02, 44.0, 11.0, 0.00, 5.1));
    }

    private static TestCaseData Row(string name, double gamma, bool inventory, PublishedRow published) =>
        new TestCaseData(gamma, inventory, published).SetName(name);

    private static StrategyComparison Run(double gamma) =>
        Runs.GetOrAdd(gamma, g => new MarketMakingSimulator(MarketMakingSimulationSettings.AvellanedaStoikov2008)
            .CompareWithSymmetric(new AvellanedaStoikovModel(new AvellanedaStoikovParameters(g, Sigma, K, Horizon)), Seed));

    private static double MeanTolerance(double publishedStd, double simulatedStd, int n, double rounding) =>
        4 * Math.Sqrt((publishedStd * publishedStd + simulatedStd * simulatedStd) / n) + rounding;

    private static double StdTolerance(double publishedStd, IReadOnlyList<double> sample, double rounding)
    {
        var simulatedStd = sample.StandardDeviation();
        var kurtosisMinusOne = sample.Kurtosis() + 2; // MathNet returns the excess kurtosis κ − 3.
        var perUnitVariance = kurtosisMinusOne / (4.0 * sample.Count);
        return 4 * Math.Sqrt(perUnitVariance * (publishedStd * publishedStd + simulatedStd * simulatedStd)) + rounding;
    }

    [TestCaseSource(nameof(Rows))]
    public void ProfitAndInventoryMatchThePaperWithinMonteCarloError(double gamma, bool inventory, PublishedRow published)
    {
        var comparison = Run(gamma);
        var result = inventory ? comparison.Inventory : comparison.Symmetric;
        var n = result.Paths;
        TestContext.Out.WriteLine(
            $"γ = {gamma}, {(inventory ? "inventory" : "symmetric")}: spread {result.AverageSpread:F4}, profit {result.MeanProfit:F2} " +
            $"(paper {published.Profit}), std {result.ProfitStandardDeviation:F2} ({published.ProfitStd}), final q {result.MeanFinalInventory:F3} " +
            $"({published.FinalQ}), std {result.FinalInventoryStandardDeviation:F2} ({published.FinalQStd})");

        Assert.Multiple(() =>
        {
            Assert.That(result.Paths, Is.EqualTo(1000));
            Assert.That(
                result.MeanProfit,
                Is.EqualTo(published.Profit).Within(MeanTolerance(published.ProfitStd, result.ProfitStandardDeviation, n, 0.05)),
                "mean profit");
            Assert.That(
                result.ProfitStandardDeviation,
                Is.EqualTo(published.ProfitStd).Within(StdTolerance(published.ProfitStd, result.Profits, 0.05)),
                "std profit");
            Assert.That(
                result.MeanFinalInventory,
                Is.EqualTo(published.FinalQ).Within(MeanTolerance(published.FinalQStd, result.FinalInventoryStandardDeviation, n, 0.005)),
                "mean final q");
            Assert.That(
                result.FinalInventoryStandardDeviation,
                Is.EqualTo(published.FinalQStd).Within(StdTolerance(published.FinalQStd, result.FinalInventories, 0.05)),
                "std final q");
        });
    }

    /// <summary>
    /// The spread (30) does not depend on inventory, so the average spread is deterministic. Quoting at t = 0, dt, …, T − dt
    /// the simulator averages the left Riemann sum γσ²(T + dt)/2 + (2/γ)ln(1 + γ/k) (1.4918, 1.3490, 3.0317), which must
    /// hold to rounding error. The paper's figures are the continuous time average γσ²T/2 + (2/γ)ln(1 + γ/k)
    /// (1.4908, 1.3489, 3.0217), equal to them within the 0.005 of their 2-decimal rounding; the simulator's figure
    /// differs from them by at most that rounding plus the discretisation gap γσ²dt/2 (0.01 for γ = 1, which is why a
    /// re-run prints 3.03 where the paper prints 3.02).
    /// </summary>
    [TestCaseSource(nameof(Rows))]
    public void AverageSpreadMatchesThePaper(double gamma, bool inventory, PublishedRow published)
    {
        var comparison = Run(gamma);
        var result = inventory ? comparison.Inventory : comparison.Symmetric;
        var arrivalTerm = 2 / gamma * Math.Log(1 + gamma / K);
        var inventoryTerm = gamma * Sigma * Sigma;
        Assert.Multiple(() =>
        {
            Assert.That(result.AverageSpread, Is.EqualTo(inventoryTerm * (Horizon + TimeStep) / 2 + arrivalTerm).Within(1e-9));
            Assert.That(inventoryTerm * Horizon / 2 + arrivalTerm, Is.EqualTo(published.AverageSpread).Within(0.005));
            Assert.That(result.AverageSpread, Is.EqualTo(published.AverageSpread).Within(0.005 + inventoryTerm * TimeStep / 2));
        });
    }

    [Test]
    public void InventoryStrategyHasLowerProfitVarianceThanTheSymmetricOne()
    {
        // The paper's qualitative conclusion, on common random numbers.
        foreach (var gamma in new[] { 0.01, 0.1, 1 })
        {
            var comparison = Run(gamma);
            Assert.That(comparison.Inventory.ProfitStandardDeviation, Is.LessThan(comparison.Symmetric.ProfitStandardDeviation), $"γ = {gamma}");
            Assert.That(
                comparison.Inventory.FinalInventoryStandardDeviation,
                Is.LessThan(comparison.Symmetric.FinalInventoryStandardDeviation),
                $"γ = {gamma}");
        }
    }
}
