using System;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Tests.Estimation.Hawkes;

/// <summary>The O(N²) textbook definitions, written independently of the library's recursion.</summary>
internal static class HawkesBruteForce
{
    /// <summary>λᵢ(t) = μᵢ + Σⱼ Σ_{t_l^j &lt; t} αᵢⱼ β e^(−β(t − t_l^j)) (strictly earlier events only).</summary>
    public static double Intensity(HawkesParameters p, HawkesEvents events, int i, double t)
    {
        var lambda = p.Mu[i];
        for (var j = 0; j < p.Dimension; j++)
        {
            foreach (var s in events.Times(j))
            {
                if (s < t)
                {
                    lambda += p.Alpha(i, j) * p.Beta * Math.Exp(-p.Beta * (t - s));
                }
            }
        }

        return lambda;
    }

    /// <summary>Σᵢ [Σ ln λᵢ(t) − μᵢT − Σⱼ αᵢⱼ Σ (1 − e^(−β(End − t)))].</summary>
    public static double LogLikelihood(HawkesParameters p, HawkesEvents events)
    {
        var total = 0.0;
        for (var i = 0; i < p.Dimension; i++)
        {
            foreach (var t in events.Times(i))
            {
                total += Math.Log(Intensity(p, events, i, t));
            }

            total -= p.Mu[i] * events.Horizon;
            for (var j = 0; j < p.Dimension; j++)
            {
                foreach (var s in events.Times(j))
                {
                    total -= p.Alpha(i, j) * (1 - Math.Exp(-p.Beta * (events.End - s)));
                }
            }
        }

        return total;
    }
}
