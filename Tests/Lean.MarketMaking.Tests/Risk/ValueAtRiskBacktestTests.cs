using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

[TestFixture]
public class ValueAtRiskBacktestTests
{
    [Test]
    public void KupiecAndChristoffersenByHand()
    {
        // 10 periods, VaR 1 each, exceptions (loss > 1) in periods 2, 3, 4: e = 0 0 1 1 1 0 0 0 0 0; α = 0.9, p = 0.1.
        // Kupiec: x = 3, T = 10:
        //   LR = −2[7 ln 0.9 + 3 ln 0.1] + 2[7 ln 0.7 + 3 ln 0.3] = 15.29055780 − 12.21728606 = 3.07327174,
        //   p = P(χ²₁ ≥ LR) = erfc(√(LR/2)) = 0.07958914.
        // Christoffersen: transitions 00 = 5, 01 = 1, 11 = 2, 10 = 1; π₀ = 1/6, π₁ = 2/3, π = 3/9:
        //   ln L(π) = 6 ln(2/3) + 3 ln(1/3) = −5.72862748; ln L(π₀, π₁) = 5 ln(5/6) + ln(1/6) + ln(1/3) + 2 ln(2/3) = −4.61290972;
        //   LR_ind = 2(−4.61290972 + 5.72862748) = 2.23143551, p = erfc(√(LR/2)) = 0.13522816.
        // Conditional coverage: LR_cc = 5.30470725, p = P(χ²₂ ≥ LR) = exp(−LR/2) = 0.07048512.
        var forecasts = Enumerable.Repeat(1.0, 10).ToArray();
        var pnl = new[] { 0.5, -0.9, -1.5, -2, -1.01, 0, 3, -1, -0.2, 0.1 };
        var r = ValueAtRiskBacktest.Run(forecasts, pnl, 0.9);
        Assert.That(r.Observations, Is.EqualTo(10));
        Assert.That(r.Exceptions, Is.EqualTo(3), "a loss equal to the VaR (period 7) is not an exception");
        Assert.That(r.ExpectedExceptions, Is.EqualTo(1).Within(1e-12));
        Assert.That(r.KupiecStatistic, Is.EqualTo(3.07327173607597).Within(1e-10));
        Assert.That(r.KupiecPValue, Is.EqualTo(0.07958914489974483).Within(1e-9));
        Assert.That(r.IndependenceStatistic, Is.EqualTo(2.231435513142097).Within(1e-10));
        Assert.That(r.IndependencePValue, Is.EqualTo(0.13522815768706664).Within(1e-9));
        Assert.That(r.ConditionalCoverageStatistic, Is.EqualTo(5.304707249218067).Within(1e-10));
        Assert.That(r.ConditionalCoveragePValue, Is.EqualTo(0.07048512216119875).Within(1e-9));
    }

    [Test]
    public void NoExceptionsGiveFiniteStatistics()
    {
        // x = 0, T = 250, p = 0.01: LR_POF = −2·250·ln 0.99 = 5.02517; no exception, so no clustering: LR_ind = 0.
        var r = ValueAtRiskBacktest.Run(Enumerable.Repeat(1.0, 250).ToArray(), Enumerable.Repeat(0.0, 250).ToArray(), 0.99);
        Assert.That(r.KupiecStatistic, Is.EqualTo(-2 * 250 * System.Math.Log(0.99)).Within(1e-10));
        Assert.That(r.IndependenceStatistic, Is.Zero);
        Assert.That(r.IndependencePValue, Is.EqualTo(1));
        Assert.That(r.Zone, Is.EqualTo(TrafficLightZone.Green));
    }

    [Test]
    public void BaselZonesFor250DaysAt99Percent()
    {
        // Basel Committee 1996, Table 2: green 0–4, yellow 5–9, red 10 or more; cumulative probabilities 89.22 % (4),
        // 95.88 % (5), 99.97 % (9), 99.99 % (10).
        for (var x = 0; x <= 20; x++)
        {
            var expected = x <= 4 ? TrafficLightZone.Green : x <= 9 ? TrafficLightZone.Yellow : TrafficLightZone.Red;
            Assert.That(BaselTrafficLight.Zone(x, 250, 0.01), Is.EqualTo(expected), $"{x} exceptions");
        }

        Assert.That(BaselTrafficLight.CumulativeProbability(4, 250, 0.01), Is.EqualTo(0.8922).Within(5e-5));
        Assert.That(BaselTrafficLight.CumulativeProbability(5, 250, 0.01), Is.EqualTo(0.9588).Within(5e-5));
        Assert.That(BaselTrafficLight.CumulativeProbability(9, 250, 0.01), Is.EqualTo(0.9997).Within(5e-5));
        Assert.That(BaselTrafficLight.CumulativeProbability(10, 250, 0.01), Is.EqualTo(0.9999).Within(5e-5));

        var series = Enumerable.Range(0, 250).Select(t => t % 25 == 0 ? -2.0 : 0.0).ToArray(); // 10 exceptions
        Assert.That(ValueAtRiskBacktest.Run(Enumerable.Repeat(1.0, 250).ToArray(), series, 0.99).Zone, Is.EqualTo(TrafficLightZone.Red));
    }

    [Test]
    public void InputsAreValidated()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => ValueAtRiskBacktest.Run(new[] { 1.0 }, new[] { 1.0, 2.0 }, 0.99))!.ParameterName,
            Is.EqualTo("profitAndLoss"));
        Assert.That(Assert.Throws<MarketMakingException>(() => ValueAtRiskBacktest.Run(new double[0], new double[0], 0.99))!.ParameterName,
            Is.EqualTo("valueAtRiskForecasts"));
        Assert.That(Assert.Throws<MarketMakingException>(() => ValueAtRiskBacktest.Run(new[] { double.NaN }, new[] { 1.0 }, 0.99))!.ParameterName,
            Is.EqualTo("valueAtRiskForecasts[0]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => ValueAtRiskBacktest.Run(new[] { 1.0 }, new[] { 1.0 }, 1.5))!.ParameterName,
            Is.EqualTo("confidence"));
        Assert.That(Assert.Throws<MarketMakingException>(() => BaselTrafficLight.Zone(3, 2, 0.01))!.ParameterName, Is.EqualTo("exceptions"));
    }
}
