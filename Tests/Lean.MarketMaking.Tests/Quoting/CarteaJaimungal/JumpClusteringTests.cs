using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.CarteaJaimungal;

/// <summary>Volatility clustering: self-exciting (Hawkes) mid-price jumps in the Cartea–Jaimungal model.</summary>
[TestFixture]
public class JumpClusteringTests
{
    // λ_J = 0.2 jumps/s on average, α_J = 0.6, β_J = 0.5/s: a jump adds α_Jβ_J = 0.3/s, relaxing at β_J(1 − α_J) = 0.2/s
    private static readonly MidPriceJumpParameters Clustered = new(0.2, 0.65, 80, 120, 0.3, 0.004, 0.006, jumpRiskAversion: 0.5,
        volatilityClustering: 0.6, clusteringDecayRate: 0.5);

    private static readonly CarteaJaimungalParameters Cj = new(2e-4, 1e-3, fillDecay: 100, buyOrderRate: 1.3, sellOrderRate: 0.8, maxInventory: 5, lotSize: 1, horizon: 30);

    [Test]
    public void ClusteringParametersAreValidated()
    {
        Assert.Throws<MarketMakingException>(() => new MidPriceJumpParameters(0.2, 0.5, 1, 1, 0, 0, 0, volatilityClustering: 1));
        Assert.Throws<MarketMakingException>(() => new MidPriceJumpParameters(0.2, 0.5, 1, 1, 0, 0, 0, volatilityClustering: -0.1));
        Assert.Throws<MarketMakingException>(() => new MidPriceJumpParameters(0.2, 0.5, 1, 1, 0, 0, 0, clusteringDecayRate: 0));
        Assert.That(Clustered.JumpArrivals!.Mu[0], Is.EqualTo(0.08).Within(1e-15), "μ_J = λ_J(1 − α_J)");
        Assert.That(Clustered.ClusteringRelaxationRate, Is.EqualTo(0.2).Within(1e-15));
        Assert.That(Clustered.ExpectedJumpIntensity(0.5, Math.Log(2) / 0.2), Is.EqualTo(0.35).Within(1e-12), "half the excess after ln2/0.2 s");
        Assert.That(MidPriceJumpParameters.None.JumpArrivals, Is.Null);
        Assert.Throws<MarketMakingException>(() => new CarteaJaimungalModel(Cj, Clustered).Quote(new MarketSnapshot(100, 0, 0), -1));
    }

    [Test]
    public void ClusteringIsRecoveredFromSimulatedSelfExcitingJumpsByTheHawkesEstimator()
    {
        var truth = Clustered.JumpArrivals!;
        var jumps = HawkesSimulator.Simulate(truth, 40_000, seed: 2015);
        var fit = HawkesEstimator.Fit(jumps);
        var se = HawkesEstimator.StandardErrors(fit.Parameters, jumps);
        Assert.That(fit.Parameters.Alpha(0, 0), Is.EqualTo(0.6).Within(4 * se[1]), "volatility clustering α_J");
        Assert.That(fit.Parameters.Beta, Is.EqualTo(0.5).Within(4 * se[2]), "decay β_J");
        Assert.That(fit.Parameters.StationaryIntensity()[0], Is.EqualTo(0.2).Within(0.02), "λ_J");
        Assert.That(se[1], Is.LessThan(0.05), "the test has power");
    }

    [Test]
    public void TheMeanIntensityPathPredictsTheJumpsThatFollowAJump()
    {
        // one long simulated path; after each jump (windows not overlapping), the jumps over the next u seconds against
        // E[N | λ(t+)] from the closed form, overall and after the jumps that found the intensity highest
        const double u = 5;
        var truth = Clustered.JumpArrivals!;
        var times = HawkesSimulator.Simulate(truth, 200_000, seed: 7).Times(0);
        var tracker = new HawkesIntensityTracker(truth);
        var samples = new List<(double Intensity, double Realised, double Predicted)>();
        var next = 0.0;
        for (var k = 0; k < times.Length; k++)
        {
            tracker.OnEvent(0, times[k]);
            if (times[k] < next || times[k] + u > 200_000)
            {
                continue;
            }

            var intensity = tracker.Intensity(0, times[k]);
            var realised = 0;
            for (var m = k + 1; m < times.Length && times[m] <= times[k] + u; m++)
            {
                realised++;
            }

            samples.Add((intensity, realised, Clustered.ExpectedJumpCount(intensity, u)));
            next = times[k] + u;
        }

        void Check(IReadOnlyList<(double Intensity, double Realised, double Predicted)> set, string what)
        {
            var diff = set.Select(s => s.Realised - s.Predicted).ToArray();
            var mean = diff.Average();
            var sd = Math.Sqrt(diff.Sum(d => (d - mean) * (d - mean)) / (diff.Length - 1));
            Assert.That(Math.Abs(mean), Is.LessThan(4 * sd / Math.Sqrt(diff.Length)), $"{what}: realised − predicted {mean} (n = {diff.Length})");
        }

        Check(samples, "all jumps");
        var high = samples.OrderByDescending(s => s.Intensity).Take(samples.Count / 4).ToList();
        Check(high, "clustered jumps");
        Assert.That(high.Average(s => s.Predicted), Is.GreaterThan(1.5 * 0.2 * u), "after a cluster the model expects more jumps than the average");
    }

    [Test]
    public void AJumpMovesTheQuotesAsTheHjbAlongTheMeanIntensityPathToSecondOrder()
    {
        var model = new CarteaJaimungalModel(Cj, Clustered);
        const double time = 10;
        var tau = Cj.Horizon - time;
        var none = HjbReference.Solve(Cj, Clustered, 0, tau, 60_000);
        var errors = new double[2];
        var shifts = new double[2];
        for (var k = 0; k < 2; k++)
        {
            var excess = 0.3 / (1 << k); // one jump's excitation, then half of it
            var exact = HjbReference.Solve(Cj, Clustered, 0, tau, 60_000, excessJumpIntensity: excess, jumpRelaxationRate: Clustered.ClusteringRelaxationRate);
            for (var q = -4; q <= 4; q++)
            {
                var quote = model.Quote(new MarketSnapshot(100, time, q), Clustered.JumpIntensity + excess);
                var row = Cj.MaxInventory - q;
                var ask = (1 / Cj.FillDecay) + Clustered.AskAdverseSelection + exact[row] - exact[row + 1];
                var bid = (1 / Cj.FillDecay) + Clustered.BidAdverseSelection + exact[row] - exact[row - 1];
                errors[k] = Math.Max(errors[k], Math.Max(Math.Abs(quote.AskDepth - ask), Math.Abs(quote.BidDepth - bid)));
                shifts[k] = Math.Max(shifts[k], Math.Abs(exact[row] - exact[row + 1] - (none[row] - none[row + 1])));
            }
        }

        TestContext.Out.WriteLine($"shift {shifts[0]:E3} / {shifts[1]:E3}, error {errors[0]:E3} / {errors[1]:E3}");
        Assert.That(shifts[0], Is.GreaterThan(1e-4), "a jump moves the quotes");
        Assert.That(errors[0], Is.LessThan(0.05 * shifts[0]));
        Assert.That(errors[0] / errors[1], Is.EqualTo(4).Within(1), "the error is O((λ_t − λ_J)²)");
    }

    [Test]
    public void AfterAJumpTheQuotesWidenAndSkewUpThenRelaxBack()
    {
        // upward jumps dominate (E[Y] > 0) and jump variance is charged (γ_J > 0): a jump raises the reservation price and
        // widens the spread at a non-zero inventory; the quotes return to the pre-jump ones as the excitation decays.
        // Before the jump there has been none for long: the intensity is the baseline μ_J, below the mean λ_J.
        var model = new CarteaJaimungalModel(Cj, Clustered);
        var tracker = new HawkesIntensityTracker(Clustered.JumpArrivals!);
        var snapshot = new MarketSnapshot(100, 5, 2);
        Assert.That(model.Quote(snapshot, Clustered.JumpIntensity), Is.EqualTo(model.Quote(snapshot)), "at λ_J: the plain quote");
        var plain = model.Quote(snapshot, tracker.Intensity(0, 0));
        Assert.That(plain.Reservation, Is.LessThan(model.Quote(snapshot).Reservation), "calm: fewer jumps than on average");

        tracker.OnEvent(0, 0);
        var previousGap = double.PositiveInfinity;
        foreach (var since in new[] { 0.0, 2, 5, 10, 30 })
        {
            var quote = model.Quote(snapshot, tracker.Intensity(0, since));
            var gap = Math.Abs(quote.Reservation - plain.Reservation) + Math.Abs(quote.Spread - plain.Spread);
            if (since == 0)
            {
                Assert.That(quote.Reservation, Is.GreaterThan(plain.Reservation), "skewed towards the jumps' direction");
                Assert.That(quote.Spread, Is.GreaterThan(plain.Spread), "wider while jumps cluster");
            }

            Assert.That(gap, Is.LessThan(previousGap), $"{since} s after the jump the quotes are closer to the pre-jump ones");
            previousGap = gap;
        }
    }
}
