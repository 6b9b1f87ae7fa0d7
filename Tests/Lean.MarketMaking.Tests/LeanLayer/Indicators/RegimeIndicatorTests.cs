using System;
using System.Linq;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Regimes;
using NUnit.Framework;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

[TestFixture]
public class RegimeIndicatorTests
{
    [Test]
    public void EqualsTheFilterFedTheLogReturns()
    {
        var parameters = IndicatorContractTests.TwoRegimes();
        var indicator = new RegimeIndicator("regime", parameters, warmUpReturns: 10);
        var filter = new HiddenMarkovModelFilter(parameters);
        var prices = Switching(out _);
        for (var i = 0; i < prices.Length; i++)
        {
            indicator.Update(prices[i]);
            if (i > 0)
            {
                filter.Update(Math.Log((double)prices[i].Value) - Math.Log((double)prices[i - 1].Value));
            }

            Assert.That(indicator.Probabilities.ToArray(), Is.EqualTo(filter.Probabilities.ToArray()));
            Assert.That(indicator.MostLikelyState, Is.EqualTo(filter.MostLikelyState));
            Assert.That(indicator.IsReady, Is.EqualTo(i >= 10));
            if (i > 0)
            {
                Assert.That(indicator.Current.Value, Is.EqualTo((decimal)filter.Probabilities[1]));
            }
        }

        Assert.That(indicator.MostVolatileState, Is.EqualTo(1));
        Assert.That(indicator.WarmUpPeriod, Is.EqualTo(11));
    }

    [Test]
    public void TracksTheSimulatedRegime()
    {
        // Returns drawn from the model's own emissions (5e-5 then 3e-4 per step) in blocks of 500. Once a block has run 50
        // steps, the prior odds of staying are ~99:1 and one return moves them by the likelihood ratio
        // 6·exp(−z²/2·(1 − 1/36)) (state 0 against 1, z in state-0 units): a single 3σ return in the calm state still
        // leaves odds of ~7:1, so the most likely state is the true one almost always (≥ 98 % of the steps).
        var indicator = new RegimeIndicator("regime", IndicatorContractTests.TwoRegimes());
        var prices = Switching(out var states);
        var right = 0;
        var counted = 0;
        for (var i = 0; i < prices.Length; i++)
        {
            indicator.Update(prices[i]);
            if (i % 500 >= 50)
            {
                counted++;
                right += indicator.MostLikelyState == states[i] ? 1 : 0;
            }
        }

        Assert.That(right, Is.GreaterThan(0.98 * counted));
    }

    [Test]
    public void RejectsAMultivariateModel()
    {
        var bivariate = new HiddenMarkovModelParameters(
            new[] { 1.0 },
            new[,] { { 1.0 } },
            new[] { new GaussianEmission(new[] { 0.0, 0.0 }, new[,] { { 1.0, 0.0 }, { 0.0, 1.0 } }) });
        Assert.That(() => new RegimeIndicator("r", bivariate), Throws.TypeOf<Models.Errors.MarketMakingException>().With.Property("ParameterName").EqualTo("parameters"));
    }

    /// <summary>5,000 prices whose log-returns alternate every 500 steps between N(0, 5e-5²) (state 0) and N(0, 3e-4²) (state 1).</summary>
    private static IndicatorDataPoint[] Switching(out int[] states)
    {
        var random = new Random(11);
        var prices = new IndicatorDataPoint[5_000];
        states = new int[prices.Length];
        var logPrice = Math.Log(50);
        for (var i = 0; i < prices.Length; i++)
        {
            states[i] = i / 500 % 2;
            logPrice += (states[i] == 0 ? 5e-5 : 3e-4) * IndicatorInputs.Normal(random);
            prices[i] = new IndicatorDataPoint(IndicatorInputs.Symbol, IndicatorInputs.Start.AddMinutes(i), (decimal)Math.Exp(logPrice));
        }

        return prices;
    }
}
