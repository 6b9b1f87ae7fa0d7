using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Models.Estimation.Regimes;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Tests.Support;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research.Data;

/// <summary>End to end: minute bars streamed from the sample LEAN folder feed the regime model.</summary>
[TestFixture]
public class SampleDataRegimeTests
{
    [Test]
    public void SpyMinuteReturnsSplitIntoACalmAndAVolatileRegime()
    {
        var reader = new LeanDataReader(SampleData.LeanDataFolder);
        var spy = new LeanSymbol(LeanSecurityType.Equity, "usa", "SPY");
        var returns = new List<double>();
        DateTime? previousDay = null;
        var previousClose = double.NaN;
        foreach (var bar in reader.ReadBars(spy, LeanResolution.Minute, LeanDataType.Trade, new DateOnly(2013, 10, 7), new DateOnly(2013, 10, 11)))
        {
            var close = bar.Trade!.Value.Close;
            if (previousDay == bar.StartUtc.Date)
            {
                returns.Add(Math.Log(close / previousClose));
            }

            previousDay = bar.StartUtc.Date;
            previousClose = close;
        }

        var fit = GaussianHiddenMarkovModel.Fit(returns.ToArray(), new HiddenMarkovModelFitOptions(2));
        TestContext.Out.WriteLine(
            $"N={returns.Count} LL={fit.LogLikelihood:F1} iterations={fit.Iterations} σ=({fit.Parameters.Emissions[0].Volatility(0):E3}, {fit.Parameters.Emissions[1].Volatility(0):E3}) " +
            $"A00={fit.Parameters.Transition(0, 0):F4} A11={fit.Parameters.Transition(1, 1):F4} BIC={fit.BayesianInformationCriterion:F1}");

        var oneState = GaussianHiddenMarkovModel.Fit(returns.ToArray(), new HiddenMarkovModelFitOptions(1));
        Assert.That(fit.Converged, Is.True);
        Assert.That(fit.Parameters.Emissions[1].Volatility(0), Is.GreaterThan(2 * fit.Parameters.Emissions[0].Volatility(0)));
        // Intraday volatility clusters (pre-market and open vs midday), so two regimes beat one on BIC.
        Assert.That(fit.BayesianInformationCriterion, Is.LessThan(oneState.BayesianInformationCriterion));
        Assert.That(fit.Parameters.ExpectedDuration(0), Is.GreaterThan(5), "regimes persist for several minutes");
        var path = GaussianHiddenMarkovModel.MostLikelyPath(fit.Parameters, returns.ToArray());
        Assert.That(path.Distinct().Count(), Is.EqualTo(2));
    }
}
