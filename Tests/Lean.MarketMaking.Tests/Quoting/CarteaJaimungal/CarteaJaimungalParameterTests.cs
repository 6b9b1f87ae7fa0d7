using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.CarteaJaimungal;

[TestFixture]
public class CarteaJaimungalParameterTests
{
    private static CarteaJaimungalParameters Make(
        double phi = 1e-4, double alpha = 1e-3, double kappa = 100, double buy = 1, double sell = 1, int qbar = 5, double lot = 1, double horizon = 30) =>
        new(phi, alpha, kappa, buy, sell, qbar, lot, horizon);

    private static MidPriceJumpParameters Jumps(
        double intensity = 1, double p = 0.5, double up = 100, double down = 100, double rho = 0.5, double eUp = 0.01, double eDown = 0.01, double gamma = 0) =>
        new(intensity, p, up, down, rho, eUp, eDown, gamma);

    private static readonly (string Name, Func<object> Build)[] BadParameters =
    [
        ("runningPenalty", () => Make(phi: -1e-6)),
        ("runningPenalty", () => Make(phi: double.NaN)),
        ("terminalPenalty", () => Make(alpha: -1)),
        ("fillDecay", () => Make(kappa: 0)),
        ("fillDecay", () => Make(kappa: double.PositiveInfinity)),
        ("buyOrderRate", () => Make(buy: 0)),
        ("sellOrderRate", () => Make(sell: -2)),
        ("maxInventory", () => Make(qbar: 0)),
        ("lotSize", () => Make(lot: 0)),
        ("horizon", () => Make(horizon: 0)),
        ("jumpIntensity", () => Jumps(intensity: -1)),
        ("upwardJumpProbability", () => Jumps(p: 1.1)),
        ("upwardJumpRate", () => Jumps(up: 0)),
        ("downwardJumpRate", () => Jumps(down: double.NaN)),
        ("marketOrderJumpProbability", () => Jumps(rho: -0.1)),
        ("buyOrderJumpSize", () => Jumps(eUp: -0.01)),
        ("sellOrderJumpSize", () => Jumps(eDown: double.NegativeInfinity)),
        ("jumpRiskAversion", () => Jumps(gamma: -1)),
    ];

    [Test]
    public void RejectsEachBadParameterByName()
    {
        foreach (var (name, build) in BadParameters)
        {
            var e = Assert.Throws<MarketMakingException>(() => build(), name)!;
            Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters), name);
            Assert.That(e.ParameterName, Is.EqualTo(name));
        }
    }

    [Test]
    public void DerivedJumpQuantitiesFollowTheDoubleExponentialMoments()
    {
        var j = Jumps(intensity: 2, p: 0.7, up: 50, down: 200, rho: 0.25, eUp: 0.02, eDown: 0.04, gamma: 3);
        Assert.That(j.ExogenousJumpDrift, Is.EqualTo(2 * ((0.7 / 50) - (0.3 / 200))).Within(1e-15));
        Assert.That(j.ExogenousJumpVarianceRate, Is.EqualTo(2 * ((0.7 * 2 / 2500) + (0.3 * 2 / 40000))).Within(1e-15));
        Assert.That(j.RunningPenaltyLoading, Is.EqualTo(0.5 * 3 * j.ExogenousJumpVarianceRate).Within(1e-15));
        Assert.That(j.AskAdverseSelection, Is.EqualTo(0.005).Within(1e-15));
        Assert.That(j.BidAdverseSelection, Is.EqualTo(0.01).Within(1e-15));
        Assert.That(MidPriceJumpParameters.None.ExogenousJumpDrift, Is.Zero);
        Assert.That(MidPriceJumpParameters.None.AskAdverseSelection, Is.Zero);
    }

    [Test]
    public void ModelRequiresParameters() =>
        Assert.Throws<ArgumentNullException>(() => _ = new CarteaJaimungalModel(null!));
}
