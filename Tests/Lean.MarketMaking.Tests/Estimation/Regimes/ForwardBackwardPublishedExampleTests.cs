using System;
using Lean.MarketMaking.Models.Estimation.Regimes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Regimes;

/// <summary>
/// The forward–backward and Viterbi recursions against the worked examples printed in Wikipedia's
/// "Forward–backward algorithm" (umbrella world, after Russell &amp; Norvig, AIMA ch. 15) and "Viterbi algorithm"
/// (healthy/fever clinic) articles. Both run on matrices of discrete emission log-probabilities.
/// </summary>
[TestFixture]
public class ForwardBackwardPublishedExampleTests
{
    // Published values are printed to 4 decimals, so they hold to half a unit in the last place.
    private const double PrintedPrecision = 0.5e-4;

    private static readonly double[] UmbrellaTransition = { 0.7, 0.3, 0.3, 0.7 };

    // States (rain, no rain). Day 0 is the prior (0.5, 0.5) with no observation: an all-zero log-likelihood row.
    // Days 1..5 observe umbrella, umbrella, no umbrella, umbrella, umbrella; P(umbrella | rain) = 0.9, P(umbrella | no rain) = 0.2.
    private static double[] UmbrellaLogLikelihoods()
    {
        var umbrella = new[] { Math.Log(0.9), Math.Log(0.2) };
        var none = new[] { Math.Log(0.1), Math.Log(0.8) };
        var rows = new[] { new[] { 0.0, 0.0 }, umbrella, umbrella, none, umbrella, umbrella };
        var flat = new double[rows.Length * 2];
        for (var t = 0; t < rows.Length; t++)
        {
            rows[t].CopyTo(flat, t * 2);
        }

        return flat;
    }

    [Test]
    public void UmbrellaSmoothedProbabilitiesMatchWikipedia()
    {
        // Wikipedia, "Forward–backward algorithm", Example: smoothed P(rain on day t | all five days).
        var expectedRain = new[] { 0.6469, 0.8673, 0.8204, 0.3075, 0.8204, 0.8673 };
        var forwardBackward = new ForwardBackward(6, 2);
        forwardBackward.Run(new[] { 0.5, 0.5 }, UmbrellaTransition, UmbrellaLogLikelihoods(), 6);

        for (var t = 0; t < expectedRain.Length; t++)
        {
            Assert.That(forwardBackward.Posteriors[2 * t], Is.EqualTo(expectedRain[t]).Within(PrintedPrecision), $"day {t}");
            Assert.That(forwardBackward.Posteriors[2 * t + 1], Is.EqualTo(1 - expectedRain[t]).Within(PrintedPrecision), $"day {t}");
        }
    }

    [Test]
    public void UmbrellaForwardMessagesMatchWikipedia()
    {
        // Wikipedia, same example: normalised forward messages f(0:t) for t = 1..5.
        var expectedRain = new[] { 0.8182, 0.8834, 0.1907, 0.7308, 0.8673 };
        var forwardBackward = new ForwardBackward(6, 2);
        forwardBackward.Run(new[] { 0.5, 0.5 }, UmbrellaTransition, UmbrellaLogLikelihoods(), 6);

        for (var t = 1; t <= expectedRain.Length; t++)
        {
            Assert.That(forwardBackward.Filtered[2 * t], Is.EqualTo(expectedRain[t - 1]).Within(PrintedPrecision), $"day {t}");
        }
    }

    [Test]
    public void UmbrellaLogLikelihoodIsTheSumOverAllPaths()
    {
        // Closed form by brute force over the 2^5 rain paths of days 1..5 (day 0 carries no observation).
        var emission = new[,] { { 0.9, 0.1 }, { 0.2, 0.8 } };
        var observed = new[] { 0, 0, 1, 0, 0 };
        var total = 0.0;
        for (var mask = 0; mask < 32; mask++)
        {
            var p = 0.5;
            var previous = -1;
            for (var t = 0; t < 5; t++)
            {
                var s = (mask >> t) & 1;
                p *= (previous < 0 ? 1.0 : UmbrellaTransition[previous * 2 + s]) * emission[s, observed[t]];
                previous = s;
            }

            total += p;
        }

        var forwardBackward = new ForwardBackward(6, 2);
        var logLikelihood = forwardBackward.Run(new[] { 0.5, 0.5 }, UmbrellaTransition, UmbrellaLogLikelihoods(), 6);
        Assert.That(logLikelihood, Is.EqualTo(Math.Log(total)).Within(1e-12));
    }

    [Test]
    public void ViterbiMatchesWikipediaClinicExample()
    {
        // Wikipedia, "Viterbi algorithm", Example: states (Healthy, Fever), observations normal, cold, dizzy.
        // Published answer: Healthy, Healthy, Fever with probability 0.01512 (= 0.6·0.5 · 0.7·0.4 · 0.3·0.6 exactly).
        var initial = new[] { 0.6, 0.4 };
        var transition = new[] { 0.7, 0.3, 0.4, 0.6 };
        double[] normal = { Math.Log(0.5), Math.Log(0.1) }, cold = { Math.Log(0.4), Math.Log(0.3) }, dizzy = { Math.Log(0.1), Math.Log(0.6) };
        var logLikelihoods = new[] { normal[0], normal[1], cold[0], cold[1], dizzy[0], dizzy[1] };

        var (path, logProbability) = Viterbi.Decode(initial, transition, logLikelihoods, 2);

        Assert.That(path, Is.EqualTo(new[] { 0, 0, 1 }));
        Assert.That(Math.Exp(logProbability), Is.EqualTo(0.01512).Within(1e-15));
    }
}
