using System;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// Regime identification with a K-state Gaussian hidden Markov model (Hamilton 1989, "A new approach to the economic
/// analysis of nonstationary time series", Econometrica 57; Rabiner 1989, "A tutorial on hidden Markov models",
/// Proc. IEEE 77): Baum–Welch fitting, smoothed state probabilities (scaled forward–backward), the Viterbi path and
/// the log-likelihood, for univariate series (e.g. returns) or N×d matrices (one multivariate observation per row).
/// For live use, see <see cref="HiddenMarkovModelFilter"/>.
/// </summary>
public static class GaussianHiddenMarkovModel
{
    /// <summary>Fits a univariate Gaussian HMM by Baum–Welch (best of <see cref="HiddenMarkovModelFitOptions.Starts"/> starts).</summary>
    /// <exception cref="Errors.MarketMakingException">
    /// <see cref="Errors.MarketMakingErrorKind.InvalidParameters"/> for non-finite or too few observations;
    /// <see cref="Errors.MarketMakingErrorKind.ModelConvergenceFailed"/> when convergence is required and not reached.
    /// </exception>
    public static HiddenMarkovModelFit Fit(ReadOnlySpan<double> observations, HiddenMarkovModelFitOptions options) =>
        BaumWelch.Fit(ObservationMatrix.Univariate(observations), options);

    /// <summary>Fits a multivariate Gaussian HMM to an N×d matrix (one observation per row) by Baum–Welch.</summary>
    /// <exception cref="Errors.MarketMakingException">As for the univariate overload.</exception>
    public static HiddenMarkovModelFit Fit(double[,] observations, HiddenMarkovModelFitOptions options) =>
        BaumWelch.Fit(ObservationMatrix.Multivariate(observations), options);

    /// <summary>ln p(x₁..x_N) of a univariate series under <paramref name="parameters"/>, in nats.</summary>
    public static double LogLikelihood(HiddenMarkovModelParameters parameters, ReadOnlySpan<double> observations) =>
        Smooth(parameters, ObservationMatrix.Univariate(observations)).LogLikelihood;

    /// <summary>ln p(x₁..x_N) of an N×d matrix under <paramref name="parameters"/>, in nats.</summary>
    public static double LogLikelihood(HiddenMarkovModelParameters parameters, double[,] observations) =>
        Smooth(parameters, ObservationMatrix.Multivariate(observations)).LogLikelihood;

    /// <summary>Smoothed probabilities P(sₜ = j | x₁..x_N) of a univariate series, N×K; each row sums to 1.</summary>
    public static double[,] SmoothedProbabilities(HiddenMarkovModelParameters parameters, ReadOnlySpan<double> observations) =>
        Smooth(parameters, ObservationMatrix.Univariate(observations)).Posteriors;

    /// <summary>Smoothed probabilities P(sₜ = j | x₁..x_N) of an N×d matrix, N×K; each row sums to 1.</summary>
    public static double[,] SmoothedProbabilities(HiddenMarkovModelParameters parameters, double[,] observations) =>
        Smooth(parameters, ObservationMatrix.Multivariate(observations)).Posteriors;

    /// <summary>The Viterbi path (most likely state sequence) of a univariate series.</summary>
    public static int[] MostLikelyPath(HiddenMarkovModelParameters parameters, ReadOnlySpan<double> observations) =>
        Decode(parameters, ObservationMatrix.Univariate(observations));

    /// <summary>The Viterbi path (most likely state sequence) of an N×d matrix.</summary>
    public static int[] MostLikelyPath(HiddenMarkovModelParameters parameters, double[,] observations) =>
        Decode(parameters, ObservationMatrix.Multivariate(observations));

    private static (double LogLikelihood, double[,] Posteriors) Smooth(HiddenMarkovModelParameters parameters, ObservationMatrix data)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var k = parameters.StateCount;
        var logLikelihoods = LogLikelihoods(parameters, data);
        var forwardBackward = new ForwardBackward(data.Count, k);
        var logLikelihood = forwardBackward.Run(parameters.InitialArray, parameters.TransitionArray, logLikelihoods, data.Count);
        var posteriors = new double[data.Count, k];
        var gamma = forwardBackward.Posteriors;
        for (var t = 0; t < data.Count; t++)
        {
            for (var j = 0; j < k; j++)
            {
                posteriors[t, j] = gamma[t * k + j];
            }
        }

        return (logLikelihood, posteriors);
    }

    private static int[] Decode(HiddenMarkovModelParameters parameters, ObservationMatrix data)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Viterbi.Decode(parameters.InitialArray, parameters.TransitionArray, LogLikelihoods(parameters, data), parameters.StateCount).Path;
    }

    private static double[] LogLikelihoods(HiddenMarkovModelParameters parameters, ObservationMatrix data)
    {
        var logLikelihoods = new double[data.Count * parameters.StateCount];
        data.EmissionLogLikelihoods(parameters.EmissionArray, logLikelihoods, new double[data.Dimension]);
        return logLikelihoods;
    }
}
