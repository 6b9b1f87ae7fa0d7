using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// Volatility term structure of a univariate Gaussian hidden Markov model of log-returns (Hamilton 1989, "A new
/// approach to the economic analysis of nonstationary time series and the business cycle", Econometrica 57: forecasts
/// propagate the filtered regime probabilities through the transition matrix; Rabiner 1989, Proc. IEEE 77, §III), with an optional constant
/// jump variance on top: how much the volatility over the next h steps is expected to differ from the current one.
/// </summary>
/// <remarks>
/// <para>With p the filtered probabilities P(sₜ = j | x₁..xₜ) (row vector), A the transition matrix and
/// mⱼ = σⱼ² + μⱼ² the second moment of one step's log-return in state j, the expected squared return k steps ahead is
/// E[x²ₜ₊ₖ | x₁..xₜ] = p·Aᵏ·m (the state law propagates as pAᵏ). The current variance is v₀ = p·m and the mean
/// variance over the next h steps is v̄ = p·g with g = (1/h)·Σₖ₌₁..ₕ Aᵏm, precomputed once, so each forecast
/// costs O(K) and allocates nothing.</para>
/// <para>A jump component of variance q per step (e.g. λE[r²]·Δ from <c>WeightedJumpActivity</c>; its online estimate
/// has no dynamics, so it is forecast flat) adds to both. The predicted relative change of the volatility over the
/// horizon is ρ = √((v̄ + q)/(v₀ + q)) − 1 (dimensionless: 0.1 means 10% higher volatility).</para>
/// <para>The direction of ρ is what the mixture predicts. Were the regime known to be j, the change would have the sign of
/// gⱼ − mⱼ (q does not change the sign), so <see cref="Agreement"/> = Σⱼ pⱼ·1[sign(gⱼ − mⱼ) = sign ρ] is the filtered
/// probability that the current regime implies the predicted direction: a natural confidence.</para>
/// </remarks>
public sealed class RegimeVolatilityForecast
{
    private readonly double[] _secondMoments;
    private readonly double[] _meanAhead;

    /// <summary>Precomputes m and g.</summary>
    /// <param name="parameters">A univariate Gaussian HMM of one-step log-returns.</param>
    /// <param name="horizonSteps">h ≥ 1: the forecast horizon, in model steps.</param>
    /// <exception cref="MarketMakingException">InvalidParameters for a multivariate model or h &lt; 1.</exception>
    public RegimeVolatilityForecast(HiddenMarkovModelParameters parameters, int horizonSteps)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Dimension != 1)
        {
            throw Guard.Invalid(nameof(parameters), $"must model univariate log-returns, got dimension {parameters.Dimension}");
        }

        HorizonSteps = Guard.Positive(horizonSteps, nameof(horizonSteps));
        Parameters = parameters;
        var k = parameters.StateCount;
        _secondMoments = new double[k];
        for (var j = 0; j < k; j++)
        {
            var emission = parameters.Emissions[j];
            _secondMoments[j] = emission.Covariance(0, 0) + emission.Mean[0] * emission.Mean[0];
        }

        var transition = Matrix<double>.Build.Dense(k, k, (i, j) => parameters.Transition(i, j));
        var ahead = Vector<double>.Build.DenseOfArray(_secondMoments);
        var sum = Vector<double>.Build.Dense(k);
        for (var step = 0; step < horizonSteps; step++)
        {
            ahead = transition * ahead;
            sum += ahead;
        }

        _meanAhead = (sum / horizonSteps).ToArray();
    }

    /// <summary>The model.</summary>
    public HiddenMarkovModelParameters Parameters { get; }

    /// <summary>h: forecast horizon, model steps.</summary>
    public int HorizonSteps { get; }

    /// <summary>mⱼ = σⱼ² + μⱼ²: second moment of one step's log-return in state j.</summary>
    public ReadOnlySpan<double> SecondMoments => _secondMoments;

    /// <summary>gⱼ = (1/h)Σₖ(Aᵏm)ⱼ: mean second moment over the horizon starting from state j.</summary>
    public ReadOnlySpan<double> MeanSecondMomentsAhead => _meanAhead;

    /// <summary>v₀ = p·m: current variance of one step's log-return.</summary>
    public double CurrentVariance(ReadOnlySpan<double> probabilities) => Dot(probabilities, _secondMoments);

    /// <summary>v̄ = p·g: mean variance of one step's log-return over the horizon.</summary>
    public double MeanVarianceAhead(ReadOnlySpan<double> probabilities) => Dot(probabilities, _meanAhead);

    /// <summary>ρ = √((v̄ + q)/(v₀ + q)) − 1: predicted relative change of the volatility (0 when v₀ + q is 0).</summary>
    /// <param name="probabilities">Filtered state probabilities p (length K).</param>
    /// <param name="jumpVariancePerStep">q ≥ 0: jump variance per step, log-return² (non-finite or negative counts as 0).</param>
    public double RelativeChange(ReadOnlySpan<double> probabilities, double jumpVariancePerStep)
    {
        var q = jumpVariancePerStep > 0 && double.IsFinite(jumpVariancePerStep) ? jumpVariancePerStep : 0;
        var now = CurrentVariance(probabilities) + q;
        return now > 0 ? Math.Sqrt((MeanVarianceAhead(probabilities) + q) / now) - 1 : 0;
    }

    /// <summary>Σⱼ pⱼ·1[sign(gⱼ − mⱼ) = <paramref name="sign"/>]: probability that the current regime implies that direction.</summary>
    /// <param name="probabilities">Filtered state probabilities p (length K).</param>
    /// <param name="sign">+1 (volatility up) or −1 (down).</param>
    public double Agreement(ReadOnlySpan<double> probabilities, int sign)
    {
        Check(probabilities);
        double agreement = 0;
        for (var j = 0; j < _meanAhead.Length; j++)
        {
            if (Math.Sign(_meanAhead[j] - _secondMoments[j]) == sign)
            {
                agreement += probabilities[j];
            }
        }

        return agreement;
    }

    private double Dot(ReadOnlySpan<double> probabilities, double[] values)
    {
        Check(probabilities);
        double sum = 0;
        for (var j = 0; j < values.Length; j++)
        {
            sum += probabilities[j] * values[j];
        }

        return sum;
    }

    private void Check(ReadOnlySpan<double> probabilities)
    {
        if (probabilities.Length != _secondMoments.Length)
        {
            throw Guard.Invalid(nameof(probabilities), $"must have {_secondMoments.Length} states, got {probabilities.Length}");
        }
    }
}
