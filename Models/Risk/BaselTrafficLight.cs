using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// The Basel Committee's traffic-light zones for VaR backtesting (Basel Committee on Banking Supervision 1996,
/// "Supervisory framework for the use of 'backtesting' in conjunction with the internal models approach to market risk
/// capital requirements", Tables 1–2): with x exceptions in T observations of a VaR at tail probability p = 1 − α, the
/// zone follows the binomial cumulative probability P(X ≤ x), X ~ Bin(T, p): green below 95 %, yellow from 95 % to below
/// 99.99 %, red from 99.99 %. For the framework's 250 days at 99 % this is green 0–4, yellow 5–9, red 10 or more
/// (P(X ≤ 4) = 89.22 %, P(X ≤ 5) = 95.88 %, P(X ≤ 9) = 99.97 %, P(X ≤ 10) = 99.99 %); the same rule gives the zones of
/// other sample sizes and levels.
/// </summary>
public static class BaselTrafficLight
{
    /// <summary>Cumulative probability from which the zone is yellow.</summary>
    public const double YellowFrom = 0.95;

    /// <summary>Cumulative probability from which the zone is red.</summary>
    public const double RedFrom = 0.9999;

    /// <summary>The zone of <paramref name="exceptions"/> in <paramref name="observations"/> at tail probability <paramref name="tailProbability"/>.</summary>
    /// <exception cref="MarketMakingException">InvalidParameters for counts out of range or p outside (0, 1).</exception>
    public static TrafficLightZone Zone(int exceptions, int observations, double tailProbability)
    {
        var cumulative = CumulativeProbability(exceptions, observations, tailProbability);
        return cumulative >= RedFrom ? TrafficLightZone.Red
            : cumulative >= YellowFrom ? TrafficLightZone.Yellow
            : TrafficLightZone.Green;
    }

    /// <summary>P(X ≤ x) for X ~ Bin(T, p): the probability of at most <paramref name="exceptions"/> under an accurate model.</summary>
    /// <exception cref="MarketMakingException">InvalidParameters for counts out of range or p outside (0, 1).</exception>
    public static double CumulativeProbability(int exceptions, int observations, double tailProbability)
    {
        Guard.Positive(observations, nameof(observations));
        Guard.InRange(exceptions, 0, observations, nameof(exceptions));
        Guard.Finite(tailProbability, nameof(tailProbability));
        if (!(tailProbability > 0 && tailProbability < 1))
        {
            throw Guard.Invalid(nameof(tailProbability), $"must be in (0, 1), got {tailProbability}");
        }

        return Binomial.CDF(tailProbability, observations, exceptions);
    }
}
