using System;
using MathNet.Numerics.Distributions;
using Lean.MarketMaking.Models.Risk;

namespace Lean.MarketMaking.Tests.Risk;

/// <summary>Seeded return histories for the VaR tests: one common factor plus idiosyncratic noise per asset.</summary>
internal static class RiskGen
{
    /// <summary>T × n normal returns with volatilities 0.5 %…2 % and pairwise correlation <paramref name="correlation"/>.</summary>
    public static double[][] Returns(int seed, int periods, int assets, double correlation = 0.4)
    {
        var random = new Random(seed);
        var result = new double[periods][];
        for (var t = 0; t < periods; t++)
        {
            var common = Normal.Sample(random, 0, 1);
            result[t] = new double[assets];
            for (var i = 0; i < assets; i++)
            {
                var volatility = 0.005 + (0.015 * i / Math.Max(1, assets - 1));
                result[t][i] = volatility * ((Math.Sqrt(correlation) * common) + (Math.Sqrt(1 - correlation) * Normal.Sample(random, 0, 1)));
            }
        }

        return result;
    }

    /// <summary>Signed exposures (currency) drawn uniformly in [−1e6, 1e6].</summary>
    public static double[] Exposures(int seed, int assets)
    {
        var random = new Random(seed + 7919);
        var e = new double[assets];
        for (var i = 0; i < assets; i++)
        {
            e[i] = (2 * random.NextDouble() - 1) * 1e6;
        }

        return e;
    }

    /// <summary>Runs one method on a history with fresh output buffers.</summary>
    public static (ValueAtRiskEstimate Estimate, double[] Marginal, double[] Components) Run(
        string method, double[] exposures, ReturnHistory history, ValueAtRiskParameters parameters, int seed = 1, int scenarios = 20_000)
    {
        var marginal = new double[exposures.Length];
        var components = new double[exposures.Length];
        var estimate = method switch
        {
            "historical" => new HistoricalValueAtRisk().Compute(exposures, history, parameters, marginal, components),
            "weighted" => new HistoricalValueAtRisk(0.99).Compute(exposures, history, parameters, marginal, components),
            "parametric" => NormalValueAtRisk.Compute(exposures, history.Covariance(1), parameters, marginal, components),
            "cornish-fisher" => new CornishFisherValueAtRisk().Compute(exposures, history, parameters, marginal, components),
            "filtered-historical" => new FilteredHistoricalValueAtRisk(20).Compute(exposures, history, parameters, marginal, components),
            "monte-carlo" => new MonteCarloValueAtRisk(scenarios, seed).Compute(exposures, history.Covariance(1), parameters, marginal, components),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
        return (estimate, marginal, components);
    }

    /// <summary>Every method <see cref="Run"/> knows.</summary>
    public static readonly string[] Methods = { "historical", "weighted", "parametric", "cornish-fisher", "filtered-historical", "monte-carlo" };
}
