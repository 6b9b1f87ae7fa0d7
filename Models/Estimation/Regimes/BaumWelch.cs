using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// Baum–Welch expectation–maximisation for a Gaussian hidden Markov model (Rabiner 1989, "A tutorial on hidden
/// Markov models", Proc. IEEE 77, §III.C re-estimation eqs. 40a–40c for π and A, §IV.B eqs. 52–54 for the Gaussian means and
/// covariances), with several initialisations and a covariance ridge. The E-step reuses one
/// <see cref="ForwardBackward"/> and one log-likelihood buffer across iterations and starts, so it allocates nothing.
/// </summary>
internal sealed class BaumWelch
{
    private const double InitialPersistence = 0.9;

    /// <summary>EM iterations each start gets before the best one is iterated to convergence.</summary>
    internal const int ShortRunIterations = 10;

    private readonly ObservationMatrix _data;
    private readonly HiddenMarkovModelFitOptions _options;
    private readonly int _states;
    private readonly double[] _sampleMean;
    private readonly double[] _sampleVariance;
    private readonly double[] _ridge;
    private readonly int[] _rankedByDispersion;
    private readonly ForwardBackward _forwardBackward;
    private readonly double[] _logLikelihoods;
    private readonly double[] _scratch;

    private BaumWelch(ObservationMatrix data, HiddenMarkovModelFitOptions options)
    {
        _data = data;
        _options = options;
        _states = options.States;
        var n = data.Count;
        var d = data.Dimension;
        var minimum = 2 * _states * (d + 1);
        if (n < minimum)
        {
            throw Guard.Invalid("observations", $"needs at least 2·K·(d+1) = {minimum} observations for {_states} states of dimension {d}, got {n}");
        }

        _sampleMean = new double[d];
        _sampleVariance = new double[d];
        WeightedMoments(null, 0, _sampleMean, null);
        for (var t = 0; t < n; t++)
        {
            var x = data.Row(t);
            for (var i = 0; i < d; i++)
            {
                var e = x[i] - _sampleMean[i];
                _sampleVariance[i] += e * e / n;
            }
        }

        _ridge = new double[d];
        for (var i = 0; i < d; i++)
        {
            if (!(_sampleVariance[i] > 0))
            {
                throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"component {i} of the observations is constant: a Gaussian HMM needs variation", "observations");
            }

            _ridge[i] = options.VarianceFloorFraction * _sampleVariance[i];
        }

        _rankedByDispersion = RankByDispersion();
        _forwardBackward = new ForwardBackward(n, _states);
        _logLikelihoods = new double[n * _states];
        _scratch = new double[d];
    }

    /// <summary>
    /// Fits the model; see <see cref="GaussianHiddenMarkovModel"/>. Every start first gets a short run of
    /// <see cref="ShortRunIterations"/> EM iterations and only the start with the highest likelihood is iterated to
    /// convergence (the "short runs of EM" strategy of Biernacki, Celeux &amp; Govaert 2003, "Choosing starting values
    /// for the EM algorithm for getting the highest likelihood in multivariate Gaussian mixture models", CSDA 41).
    /// </summary>
    public static HiddenMarkovModelFit Fit(ObservationMatrix data, HiddenMarkovModelFitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fitter = new BaumWelch(data, options);
        var random = new Random(options.Seed);
        var shortRun = options.Starts == 1 ? options.MaxIterations : Math.Min(ShortRunIterations, options.MaxIterations);
        HiddenMarkovModelFit? best = null;
        for (var start = 0; start < options.Starts; start++)
        {
            var candidate = fitter.Run(fitter.Initialise(start, random), shortRun);
            if (best is null || candidate.LogLikelihood > best.LogLikelihood)
            {
                best = candidate;
            }
        }

        if (!best!.Converged && best.Iterations < options.MaxIterations)
        {
            var continued = fitter.Run(best.Parameters, options.MaxIterations - best.Iterations);
            best = new HiddenMarkovModelFit(continued.Parameters, continued.LogLikelihood, data.Count, best.Iterations + continued.Iterations, continued.Converged);
        }

        if (!best.Converged && options.RequireConvergence)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.ModelConvergenceFailed,
                $"Baum-Welch did not reach a log-likelihood gain below {options.Tolerance} per observation within {options.MaxIterations} iterations (best of {options.Starts} starts)",
                nameof(options.MaxIterations));
        }

        return new HiddenMarkovModelFit(OrderByVariance(best.Parameters), best.LogLikelihood, data.Count, best.Iterations, best.Converged);
    }

    /// <summary>E-step, convergence test, M-step, repeated at most <paramref name="maxIterations"/> times.</summary>
    private HiddenMarkovModelFit Run(HiddenMarkovModelParameters parameters, int maxIterations)
    {
        var n = _data.Count;
        var previous = double.NegativeInfinity;
        for (var iteration = 0; ; iteration++)
        {
            _data.EmissionLogLikelihoods(parameters.EmissionArray, _logLikelihoods, _scratch);
            var logLikelihood = _forwardBackward.Run(parameters.InitialArray, parameters.TransitionArray, _logLikelihoods, n);
            var converged = logLikelihood - previous < _options.Tolerance * n;
            if (converged || iteration == maxIterations)
            {
                return new HiddenMarkovModelFit(parameters, logLikelihood, n, iteration, converged);
            }

            previous = logLikelihood;
            parameters = Maximise(parameters);
        }
    }

    /// <summary>The M-step: re-estimates π, A and each state's mean and covariance from γ and Σₜξₜ.</summary>
    private HiddenMarkovModelParameters Maximise(HiddenMarkovModelParameters current)
    {
        var k = _states;
        var d = _data.Dimension;
        var gamma = _forwardBackward.Posteriors;
        var xi = _forwardBackward.ExpectedTransitions;
        var initial = gamma[..k].ToArray();
        var transition = new double[k, k];
        var emissions = new GaussianEmission[k];
        for (var i = 0; i < k; i++)
        {
            var rowSum = 0.0;
            for (var j = 0; j < k; j++)
            {
                rowSum += xi[i * k + j];
            }

            for (var j = 0; j < k; j++)
            {
                // A state visited only at the last observation has no outgoing transitions to learn from: keep its row.
                transition[i, j] = rowSum > 0 ? xi[i * k + j] / rowSum : current.Transition(i, j);
            }

            var mean = new double[d];
            var covariance = new double[d, d];
            var weight = WeightedMoments(gamma, i, mean, covariance);
            emissions[i] = weight > d ? new GaussianEmission(mean, covariance) : current.Emissions[i];
        }

        return new HiddenMarkovModelParameters(initial, transition, emissions);
    }

    /// <summary>
    /// Weighted mean and ridge-regularised covariance of the observations with weights γₜ,state
    /// (all ones when <paramref name="gamma"/> is null); returns the total weight.
    /// </summary>
    private double WeightedMoments(ReadOnlySpan<double> gamma, int state, double[] mean, double[,]? covariance)
    {
        var n = _data.Count;
        var d = _data.Dimension;
        var k = _states;
        var useWeights = !gamma.IsEmpty;
        var total = 0.0;
        Array.Clear(mean);
        for (var t = 0; t < n; t++)
        {
            var w = useWeights ? gamma[t * k + state] : 1.0;
            total += w;
            var x = _data.Row(t);
            for (var i = 0; i < d; i++)
            {
                mean[i] += w * x[i];
            }
        }

        for (var i = 0; i < d; i++)
        {
            mean[i] /= total;
        }

        if (covariance is null)
        {
            return total;
        }

        for (var t = 0; t < n; t++)
        {
            var w = useWeights ? gamma[t * k + state] : 1.0;
            var x = _data.Row(t);
            for (var i = 0; i < d; i++)
            {
                var wi = w * (x[i] - mean[i]);
                for (var j = 0; j <= i; j++)
                {
                    covariance[i, j] += wi * (x[j] - mean[j]);
                }
            }
        }

        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                covariance[i, j] /= total;
                covariance[j, i] = covariance[i, j];
            }

            covariance[i, i] += _ridge[i];
        }

        return total;
    }

    /// <summary>
    /// Quantile initialisation: observations are ranked by their standardised squared distance from the sample mean
    /// and cut into K bands (equal bands for start 0, seeded random bands of at least N/(2K) each otherwise); each band
    /// gives a state's mean and covariance, so the bands order the states from calm to volatile.
    /// </summary>
    private HiddenMarkovModelParameters Initialise(int start, Random random)
    {
        var n = _data.Count;
        var d = _data.Dimension;
        var k = _states;
        var order = _rankedByDispersion;
        var fractions = new double[k];
        var sum = 0.0;
        for (var j = 0; j < k; j++)
        {
            fractions[j] = start == 0 ? 1.0 : -Math.Log(1.0 - random.NextDouble());
            sum += fractions[j];
        }

        var emissions = new GaussianEmission[k];
        var gamma = new double[n * k];
        var begin = 0;
        var cumulative = 0.0;
        for (var j = 0; j < k; j++)
        {
            cumulative += 0.5 / k + 0.5 * fractions[j] / sum;
            var end = j == k - 1 ? n : Math.Min(n, (int)Math.Round(cumulative * n));
            for (var r = begin; r < end; r++)
            {
                gamma[order[r] * k + j] = 1.0;
            }

            var mean = new double[d];
            var covariance = new double[d, d];
            WeightedMoments(gamma, j, mean, covariance);
            emissions[j] = new GaussianEmission(mean, covariance);
            begin = end;
        }

        var persistence = k == 1 ? 1.0 : start == 0 ? InitialPersistence : 0.5 + 0.49 * random.NextDouble();
        var transition = new double[k, k];
        var initial = new double[k];
        for (var i = 0; i < k; i++)
        {
            initial[i] = 1.0 / k;
            for (var j = 0; j < k; j++)
            {
                transition[i, j] = i == j ? persistence : (1.0 - persistence) / (k - 1);
            }
        }

        return new HiddenMarkovModelParameters(initial, transition, emissions);
    }

    /// <summary>Observation indices sorted by standardised squared distance Σᵢ (xₜᵢ − x̄ᵢ)²/s²ᵢ from the sample mean.</summary>
    private int[] RankByDispersion()
    {
        var n = _data.Count;
        var scores = new double[n];
        var order = new int[n];
        for (var t = 0; t < n; t++)
        {
            var x = _data.Row(t);
            for (var i = 0; i < x.Length; i++)
            {
                var e = x[i] - _sampleMean[i];
                scores[t] += e * e / _sampleVariance[i];
            }

            order[t] = t;
        }

        Array.Sort(scores, order);
        return order;
    }

    private static HiddenMarkovModelParameters OrderByVariance(HiddenMarkovModelParameters parameters)
    {
        var k = parameters.StateCount;
        var order = new int[k];
        var totals = new double[k];
        for (var j = 0; j < k; j++)
        {
            order[j] = j;
            for (var i = 0; i < parameters.Dimension; i++)
            {
                totals[j] += parameters.Emissions[j].Covariance(i, i);
            }
        }

        Array.Sort(totals, order);
        return parameters.Permute(order);
    }
}
