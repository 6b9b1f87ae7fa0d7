using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// Regime-dependent covariance of a multivariate Gaussian hidden Markov model of returns (Hamilton 1989, "A new approach to
/// the economic analysis of nonstationary time series and the business cycle", Econometrica 57: one covariance Σⱼ per
/// regime, forecasts propagate the filtered regime probabilities through the transition matrix; Rabiner 1989, Proc. IEEE
/// 77, §III): the covariance of one step's return now, and h steps ahead.
/// </summary>
/// <remarks>
/// <para>With p the filtered probabilities P(sₜ = j | x₁..xₜ) (row vector, <see cref="HiddenMarkovModelFilter"/>) and P
/// the transition matrix, the regime law h steps ahead is w = p·Pʰ (h = 0: now). The return is then a Gaussian mixture
/// with weights w, whose covariance is, by the law of total covariance,
/// Σ(w) = Σⱼ wⱼΣⱼ + Σⱼ wⱼ(μⱼ − μ̄)(μⱼ − μ̄)ᵀ, μ̄ = Σⱼ wⱼμⱼ
/// (the second term vanishes for zero-mean regimes). Σ(w) is positive definite: a convex combination of positive definite
/// Σⱼ plus a semi-definite term. As h → ∞, w tends to the stationary law of an ergodic chain.</para>
/// <para>Units are the observations' (e.g. log-returns per step, squared). For a quoting model in price² per second:
/// Σ_price,ij = sᵢsⱼΣᵢⱼ/Δt at mids s and step length Δt seconds.</para>
/// <para>Cost: O(h·K²) for w and O(K·d²) for Σ(w); <see cref="Covariance(ReadOnlySpan{double}, int, Span{double})"/>
/// allocates nothing. Not thread-safe (scratch buffers).</para>
/// </remarks>
public sealed class RegimeCovariance
{
    private readonly HiddenMarkovModelParameters _parameters;
    private readonly double[] _weights;
    private readonly double[] _next;
    private readonly double[] _mean;

    /// <summary>Wraps a fitted model.</summary>
    /// <param name="parameters">A Gaussian HMM of one step's returns, any dimension d ≥ 1.</param>
    public RegimeCovariance(HiddenMarkovModelParameters parameters)
    {
        _parameters = parameters ?? throw Guard.Invalid(nameof(parameters), "must not be null");
        _weights = new double[parameters.StateCount];
        _next = new double[parameters.StateCount];
        _mean = new double[parameters.Dimension];
    }

    /// <summary>The model.</summary>
    public HiddenMarkovModelParameters Parameters => _parameters;

    /// <summary>Dimension d of the returns.</summary>
    public int Dimension => _parameters.Dimension;

    /// <summary>w = p·Pʰ: the regime probabilities <paramref name="horizonSteps"/> steps ahead.</summary>
    /// <param name="probabilities">p: current regime probabilities (length K, non-negative, summing to 1).</param>
    /// <param name="horizonSteps">h ≥ 0, in model steps.</param>
    /// <param name="weights">Destination, length K.</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the input at fault.</exception>
    public void RegimeWeights(ReadOnlySpan<double> probabilities, int horizonSteps, Span<double> weights)
    {
        var k = _parameters.StateCount;
        if (probabilities.Length != k)
        {
            throw Guard.Invalid(nameof(probabilities), $"must have {k} states, got {probabilities.Length}");
        }

        if (weights.Length != k)
        {
            throw Guard.Invalid(nameof(weights), $"must have {k} states, got {weights.Length}");
        }

        var total = 0.0;
        foreach (var probability in probabilities)
        {
            // a NaN fails the range test; the full check (which formats a name per entry) runs only to report the fault
            if (!(probability >= 0 && probability <= 1))
            {
                HiddenMarkovModelParameters.ValidateDistribution(probabilities, nameof(probabilities));
            }

            total += probability;
        }

        if (Math.Abs(total - 1.0) > HiddenMarkovModelParameters.SumTolerance)
        {
            HiddenMarkovModelParameters.ValidateDistribution(probabilities, nameof(probabilities));
        }

        Guard.NonNegative(horizonSteps, nameof(horizonSteps));
        probabilities.CopyTo(weights);
        var transition = _parameters.TransitionArray;
        for (var step = 0; step < horizonSteps; step++)
        {
            for (var j = 0; j < k; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < k; i++)
                {
                    sum += weights[i] * transition[(i * k) + j];
                }

                _next[j] = sum;
            }

            _next.CopyTo(weights);
        }
    }

    /// <summary>Σ(p·Pʰ): the covariance of one step's return <paramref name="horizonSteps"/> steps ahead (h = 0: now).</summary>
    /// <param name="probabilities">p: current (filtered) regime probabilities.</param>
    /// <param name="horizonSteps">h ≥ 0, in model steps.</param>
    /// <param name="covariance">Destination, row-major d×d.</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the input at fault.</exception>
    public void Covariance(ReadOnlySpan<double> probabilities, int horizonSteps, Span<double> covariance)
    {
        var d = Dimension;
        if (covariance.Length != d * d)
        {
            throw Guard.Invalid(nameof(covariance), $"must hold {d}x{d} = {d * d} entries, got {covariance.Length}");
        }

        RegimeWeights(probabilities, horizonSteps, _weights);
        var emissions = _parameters.EmissionArray;
        Array.Clear(_mean);
        for (var j = 0; j < _weights.Length; j++)
        {
            for (var a = 0; a < d; a++)
            {
                _mean[a] += _weights[j] * emissions[j].Mean[a];
            }
        }

        covariance.Clear();
        for (var j = 0; j < _weights.Length; j++)
        {
            var w = _weights[j];
            var emission = emissions[j];
            for (var a = 0; a < d; a++)
            {
                var da = emission.Mean[a] - _mean[a];
                for (var b = 0; b < d; b++)
                {
                    covariance[(a * d) + b] += w * (emission.Covariance(a, b) + (da * (emission.Mean[b] - _mean[b])));
                }
            }
        }
    }

    /// <summary>Σ(p·Pʰ) as a new d×d array (allocates).</summary>
    /// <inheritdoc cref="Covariance(ReadOnlySpan{double}, int, Span{double})" path="/param[@name='probabilities']"/>
    /// <inheritdoc cref="Covariance(ReadOnlySpan{double}, int, Span{double})" path="/param[@name='horizonSteps']"/>
    public double[,] Covariance(ReadOnlySpan<double> probabilities, int horizonSteps = 0)
    {
        var d = Dimension;
        var flat = new double[d * d];
        Covariance(probabilities, horizonSteps, flat);
        var result = new double[d, d];
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b < d; b++)
            {
                result[a, b] = flat[(a * d) + b];
            }
        }

        return result;
    }
}
