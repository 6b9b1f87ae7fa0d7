using System;
using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// Exact log-likelihood of a D-dimensional exponential-kernel Hawkes process and its analytic gradient, in one
/// O(N·D) pass over the merged event stream (Ozaki 1979, "Maximum likelihood estimation of Hawkes' self-exciting
/// point processes", Ann. Inst. Statist. Math. 31(1), 145–155, recursion for the exponential kernel; multivariate form as in
/// the project formula sheet):
/// <code>
/// log L = Σᵢ [ Σ_{t ∈ Nᵢ} ln λᵢ(t) − μᵢ·T − Σⱼ αᵢⱼ Σ_{t_k^j} (1 − e^(−β(T − t_k^j))) ].
/// </code>
/// Because β is shared, the excitation sum Rᵢⱼ(t) = Σ_{t_k^j &lt; t} e^(−β(t − t_k^j)) does not depend on i, so one
/// vector Rⱼ, decayed by a single exponential per event, serves every row:
/// Rⱼ(t_k) = e^(−β(t_k − t_{k−1}))·(Rⱼ(t_{k−1}) + [event k−1 is of type j]).
/// The compensator's tail sums are the same recursion run to T. Events at the same instant do not excite each other
/// (the kernel acts on strictly earlier events). No heap allocation for D ≤ 14 (scratch on the stack).
/// </summary>
public static class HawkesLikelihood
{
    private const int StackLimit = 256;

    /// <summary>Log-likelihood of <paramref name="events"/> under <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The model; its dimension must match the events'.</param>
    /// <param name="events">The observed path.</param>
    /// <returns>log L (natural log; intensities in events per time unit).</returns>
    /// <exception cref="MarketMakingException">NumericalInstability when the parameters are so extreme that the
    /// intensities overflow and log L is not finite.</exception>
    public static double LogLikelihood(HawkesParameters parameters, HawkesEvents events)
    {
        Check(parameters, events);
        return Finite(Evaluate(events, parameters.Mu.AsSpan(), parameters.AlphaSpan, parameters.Beta, Span<double>.Empty));
    }

    /// <summary>
    /// Analytic gradient of the log-likelihood, in the flat layout of <see cref="HawkesParameters"/>:
    /// ∂/∂μᵢ at 0…D−1, ∂/∂αᵢⱼ at <see cref="HawkesParameters.AlphaIndex"/>, ∂/∂β at <see cref="HawkesParameters.BetaIndex"/>.
    /// </summary>
    /// <param name="parameters">The model; its dimension must match the events'.</param>
    /// <param name="events">The observed path.</param>
    /// <param name="logLikelihood">log L at <paramref name="parameters"/>.</param>
    /// <exception cref="MarketMakingException">NumericalInstability when log L or a derivative is not finite.</exception>
    public static ImmutableArray<double> Gradient(HawkesParameters parameters, HawkesEvents events, out double logLikelihood)
    {
        Check(parameters, events);
        var gradient = new double[parameters.ParameterCount];
        logLikelihood = Finite(Evaluate(events, parameters.Mu.AsSpan(), parameters.AlphaSpan, parameters.Beta, gradient));
        foreach (var g in gradient)
        {
            Finite(g);
        }

        return ImmutableArray.Create(gradient);
    }

    private static double Finite(double value) => double.IsFinite(value)
        ? value
        : throw new MarketMakingException(
            MarketMakingErrorKind.NumericalInstability,
            $"the log-likelihood or its gradient is {value}: the intensities overflow the double range for these parameters",
            "parameters");

    /// <summary>
    /// The likelihood kernel on raw values (no validation: the estimator calls it with any positive μ, β and α ≥ 0).
    /// Writes ∂ log L into <paramref name="gradient"/> (length D + D² + 1) unless it is empty.
    /// </summary>
    internal static double Evaluate(HawkesEvents events, ReadOnlySpan<double> mu, ReadOnlySpan<double> alpha, double beta, Span<double> gradient)
    {
        return mu.Length == 1
            ? EvaluateUnivariate(events, mu[0], alpha[0], beta, gradient)
            : EvaluateMultivariate(events, mu, alpha, beta, gradient);
    }

    private static double EvaluateUnivariate(HawkesEvents events, double mu, double alpha, double beta, Span<double> gradient)
    {
        var times = events.MergedTimes;
        var previous = events.Start;
        double r = 0, rPrime = 0, ties = 0;
        double logSum = 0, sumInv = 0, sumR = 0, sumBeta = 0;
        for (var k = 0; k < times.Length; k++)
        {
            var dt = times[k] - previous;
            if (dt > 0)
            {
                var decay = Math.Exp(-beta * dt);
                rPrime = decay * (rPrime - (dt * r));
                r *= decay;
                previous = times[k];
                ties = 0;
            }

            // r counts the events already seen at this instant with weight 1; strictly earlier ones only excite.
            var excitation = r - ties;
            var lambda = mu + (beta * alpha * excitation);
            var inverse = 1.0 / lambda;
            logSum += Math.Log(lambda);
            sumInv += inverse;
            sumR += excitation * inverse;
            sumBeta += alpha * (excitation + (beta * rPrime)) * inverse;
            r += 1;
            ties += 1;
        }

        var tail = events.End - previous;
        var tailDecay = Math.Exp(-beta * tail);
        var rEndPrime = tailDecay * (rPrime - (tail * r));
        var compensatorSum = times.Length - (tailDecay * r);
        if (!gradient.IsEmpty)
        {
            var horizon = events.Horizon;
            gradient[0] = sumInv - horizon;
            gradient[1] = (beta * sumR) - compensatorSum;
            gradient[2] = sumBeta + (alpha * rEndPrime);
        }

        return logSum - (mu * events.Horizon) - (alpha * compensatorSum);
    }

    private static double EvaluateMultivariate(HawkesEvents events, ReadOnlySpan<double> mu, ReadOnlySpan<double> alpha, double beta, Span<double> gradient)
    {
        var d = mu.Length;
        var times = events.MergedTimes;
        var types = events.MergedTypes;
        var scratchLength = (4 * d) + (d * d);
        Span<double> scratch = scratchLength <= StackLimit ? stackalloc double[scratchLength] : new double[scratchLength];
        scratch.Clear();
        var r = scratch[..d];
        var rPrime = scratch.Slice(d, d);
        var ties = scratch.Slice(2 * d, d);
        var sumInv = scratch.Slice(3 * d, d);
        var sumR = scratch.Slice(4 * d, d * d);
        var previous = events.Start;
        double logSum = 0, sumBeta = 0;
        for (var k = 0; k < times.Length; k++)
        {
            var dt = times[k] - previous;
            if (dt > 0)
            {
                var decay = Math.Exp(-beta * dt);
                for (var j = 0; j < d; j++)
                {
                    rPrime[j] = decay * (rPrime[j] - (dt * r[j]));
                    r[j] *= decay;
                }

                previous = times[k];
                ties.Clear();
            }

            var type = types[k];
            var row = alpha.Slice(type * d, d);
            var rowSumR = sumR.Slice(type * d, d);
            // ties holds the events at this very time (zero after a strictly positive gap): they do not excite it.
            double excitation = 0, excitationPrime = 0;
            for (var j = 0; j < d; j++)
            {
                excitation += row[j] * (r[j] - ties[j]);
                excitationPrime += row[j] * rPrime[j];
            }

            var lambda = mu[type] + (beta * excitation);
            var inverse = 1.0 / lambda;
            logSum += Math.Log(lambda);
            sumInv[type] += inverse;
            sumBeta += (excitation + (beta * excitationPrime)) * inverse;
            for (var j = 0; j < d; j++)
            {
                rowSumR[j] += (r[j] - ties[j]) * inverse;
            }

            r[type] += 1;
            ties[type] += 1;
        }

        // Tail to T: Σ_k e^(−β(T − t_k^j)) = decayed rⱼ, and its β-derivative.
        var tail = events.End - previous;
        var tailDecay = Math.Exp(-beta * tail);
        var horizon = events.Horizon;
        var result = logSum;
        for (var j = 0; j < d; j++)
        {
            rPrime[j] = tailDecay * (rPrime[j] - (tail * r[j]));
            r[j] = events.Count(j) - (tailDecay * r[j]);
        }

        for (var i = 0; i < d; i++)
        {
            result -= mu[i] * horizon;
            for (var j = 0; j < d; j++)
            {
                result -= alpha[(i * d) + j] * r[j];
                sumBeta += alpha[(i * d) + j] * rPrime[j];
            }
        }

        if (!gradient.IsEmpty)
        {
            for (var i = 0; i < d; i++)
            {
                gradient[i] = sumInv[i] - horizon;
                for (var j = 0; j < d; j++)
                {
                    gradient[d + (i * d) + j] = (beta * sumR[(i * d) + j]) - r[j];
                }
            }

            gradient[d + (d * d)] = sumBeta;
        }

        return result;
    }

    /// <summary>Null and dimension checks shared by every entry point that takes parameters and events.</summary>
    internal static void Check(HawkesParameters parameters, HawkesEvents events)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(events);
        if (parameters.Dimension != events.Dimension)
        {
            throw Guard.Invalid(nameof(events), $"has {events.Dimension} event types but the parameters have dimension {parameters.Dimension}");
        }
    }
}
