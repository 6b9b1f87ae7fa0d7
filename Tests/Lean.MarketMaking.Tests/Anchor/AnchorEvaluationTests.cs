using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Simulation;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Anchor;

[TestFixture]
public class AnchorEvaluationTests
{
    [Test]
    public void SimulatedContractsHaveValidTickAlignedBooksAndTheThinContractIsThinner()
    {
        var settings = TwoLegSimulationSettings.Default();
        var updates = TwoLegBookSimulator.Simulate(settings, 5, seed: 3);
        Assert.That(updates, Is.EqualTo(TwoLegBookSimulator.Simulate(settings, 5, seed: 3)), "seeded");
        Assert.That(updates.Zip(updates.Skip(1)).All(p => p.First.TimeSeconds <= p.Second.TimeSeconds), "time order");
        var quotes = updates.Where(u => !u.IsTrade).ToList();
        Assert.That(quotes.All(u => u.Book.IsValid));
        foreach (var u in quotes)
        {
            var ticks = (u.Book.AskPrice - u.Book.BidPrice) / settings.TickSize[u.Contract];
            Assert.That(ticks, Is.EqualTo(Math.Round(ticks)).Within(1e-6).And.GreaterThanOrEqualTo(0.999));
        }

        double MeanDepth(int k) => quotes.Where(u => u.Contract == k).Average(u => u.Book.BidSize + u.Book.AskSize);
        Assert.That(MeanDepth(1), Is.LessThan(MeanDepth(0)));
        Assert.That(updates.Count(u => u.IsTrade), Is.GreaterThan(0));
    }

    [Test]
    public void DecisionsUseOnlyUpdatesBeforeTheirWindow()
    {
        // Two streams equal up to t = 2.5 s and different after it (another seed's updates, shifted): every decision
        // for a window starting at or before 2.5 s is the same in both runs.
        var settings = TwoLegSimulationSettings.Default();
        var a = TwoLegBookSimulator.Simulate(settings, 4, seed: 1);
        var b = a.Where(u => u.TimeSeconds < 2.5)
            .Concat(TwoLegBookSimulator.Simulate(settings, 1.5, seed: 2).Select(u => u with { TimeSeconds = u.TimeSeconds + 2.5 }))
            .ToList();
        var anchor = new AnchorSettings();
        var first = new List<(AnchorDecision Decision, int Oracle)>();
        var second = new List<(AnchorDecision Decision, int Oracle)>();
        AnchorEvaluation.Run(a, new AnchorSelector(2, anchor), first);
        AnchorEvaluation.Run(b, new AnchorSelector(2, anchor), second);
        var before = first.Where(d => d.Decision.WindowStartSeconds <= 2.5).Select(d => d.Decision).ToList();
        Assert.That(before.Count, Is.GreaterThan(200));
        Assert.That(second.Select(d => d.Decision).Take(before.Count), Is.EqualTo(before));
        Assert.That(before.Count(d => d.HawkesPick >= 0), Is.GreaterThan(100), "the Hawkes rule decided after its first full window");
        Assert.That(
            first.Select(d => d.Decision).Skip(before.Count).Take(50),
            Is.Not.EqualTo(second.Select(d => d.Decision).Skip(before.Count).Take(50)),
            "later decisions do see the different updates");
    }

    [Test]
    public void HawkesRuleAgreesWithTheOracleMoreThanChanceOnSimulatedContracts()
    {
        // Three seeded 30 s runs (about 2,500 decisive windows each). Each window's excess agreement
        // 1[pick = oracle] − chance is averaged per 1 s block (100 windows, much longer than the 20 ms kernel memory, so
        // blocks are close to independent) and the blocks' t-statistic must exceed 4 (one-sided p ≈ 3e-5).
        var excess = new List<double>();
        foreach (var seed in new[] { 11, 12, 13 })
        {
            var updates = TwoLegBookSimulator.Simulate(TwoLegSimulationSettings.Default(), 30, seed);
            var decisions = new List<(AnchorDecision Decision, int Oracle)>();
            var result = AnchorEvaluation.Run(updates, new AnchorSelector(2, new AnchorSettings()), decisions);
            var chance = result.HawkesPicks.ChanceAgreement;
            Assert.That(result.HawkesPicks.Windows, Is.GreaterThan(2000), $"seed {seed}");
            Assert.That(result.HawkesPicks.Agreement, Is.GreaterThan(chance), $"seed {seed}");
            foreach (var block in decisions.Where(d => d.Decision.HawkesPick >= 0 && d.Oracle >= 0)
                         .GroupBy(d => Math.Floor(d.Decision.WindowStartSeconds)))
            {
                excess.Add(block.Average(d => (d.Decision.HawkesPick == d.Oracle ? 1.0 : 0.0) - chance));
            }
        }

        var mean = excess.Average();
        var sd = Math.Sqrt(excess.Sum(x => (x - mean) * (x - mean)) / (excess.Count - 1));
        var t = mean / (sd / Math.Sqrt(excess.Count));
        Assert.That(t, Is.GreaterThan(4), $"mean excess agreement {mean:F4} over {excess.Count} blocks");
    }
}
