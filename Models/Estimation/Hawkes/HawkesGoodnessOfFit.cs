using System;
using System.Collections.Immutable;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// Goodness of fit by the time-rescaling theorem (Brown, Barbieri, Ventura, Kass &amp; Frank 2002, "The time-rescaling
/// theorem and its application to neural spike train data analysis", Neural Computation 14, §2.1; for Hawkes
/// processes Ogata 1988, "Statistical models for earthquake occurrences and residual analysis for point processes", JASA 83): if the model is right, the compensator increments
/// Λᵢ(t_k^i) − Λᵢ(t_{k−1}^i) (with t_0^i = start) of every type are i.i.d. Exp(1), where
/// Λᵢ(t) = μᵢ·(t − start) + Σⱼ αᵢⱼ Σ_{t_l^j ≤ t} (1 − e^(−β(t − t_l^j))). The residuals of all types are pooled and
/// compared with Exp(1) by a one-sample Kolmogorov–Smirnov test.
/// </summary>
public static class HawkesGoodnessOfFit
{
    /// <summary>Computes the rescaled inter-event times and the Kolmogorov–Smirnov test against Exp(1).</summary>
    /// <param name="parameters">The fitted (or hypothesised) model.</param>
    /// <param name="events">The observed path (at least one event).</param>
    public static HawkesGoodnessOfFitResult Test(HawkesParameters parameters, HawkesEvents events)
    {
        HawkesLikelihood.Check(parameters, events);
        if (events.TotalCount == 0)
        {
            throw Guard.Invalid(nameof(events), "needs at least one event");
        }

        var residuals = Residuals(parameters, events);
        var pooled = residuals.SelectMany(r => r).ToArray();
        var statistic = KolmogorovSmirnov.Statistic(pooled, x => Exponential.CDF(1.0, x));
        return new HawkesGoodnessOfFitResult(
            residuals.Select(r => r.ToImmutableArray()).ToImmutableArray(),
            statistic,
            KolmogorovSmirnov.PValue(statistic, pooled.Length));
    }

    private static double[][] Residuals(HawkesParameters parameters, HawkesEvents events)
    {
        var d = parameters.Dimension;
        var beta = parameters.Beta;
        var residuals = new double[d][];
        var next = new int[d];
        var lastCompensator = new double[d];
        for (var i = 0; i < d; i++)
        {
            residuals[i] = new double[events.Count(i)];
        }

        // r[j] = Σ_{t_l^j ≤ t} e^(−β(t − t_l^j)) and count[j] = #{t_l^j ≤ t}, so Σ(1 − e^…) = count − r.
        var r = new double[d];
        var count = new double[d];
        var previous = events.Start;
        var times = events.MergedTimes;
        var types = events.MergedTypes;
        for (var k = 0; k < times.Length; k++)
        {
            var decay = Math.Exp(-beta * (times[k] - previous));
            for (var j = 0; j < d; j++)
            {
                r[j] *= decay;
            }

            previous = times[k];
            var type = types[k];
            var compensator = parameters.Mu[type] * (times[k] - events.Start);
            for (var j = 0; j < d; j++)
            {
                compensator += parameters.Alpha(type, j) * (count[j] - r[j]);
            }

            residuals[type][next[type]++] = compensator - lastCompensator[type];
            lastCompensator[type] = compensator;
            r[type] += 1;
            count[type] += 1;
        }

        return residuals;
    }
}
