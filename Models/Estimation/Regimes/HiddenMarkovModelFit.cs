using System;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>The outcome of a Baum–Welch fit: the best parameters over all starts and how they were reached.</summary>
public sealed class HiddenMarkovModelFit
{
    internal HiddenMarkovModelFit(HiddenMarkovModelParameters parameters, double logLikelihood, int observations, int iterations, bool converged)
    {
        Parameters = parameters;
        LogLikelihood = logLikelihood;
        Observations = observations;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>Fitted parameters; states are ordered by ascending total variance Σᵢ Σ[i,i] (state 0 is the calmest regime).</summary>
    public HiddenMarkovModelParameters Parameters { get; }

    /// <summary>Maximised log-likelihood ln p(x₁..x_N) in nats.</summary>
    public double LogLikelihood { get; }

    /// <summary>Number of observations N.</summary>
    public int Observations { get; }

    /// <summary>EM iterations of the winning start.</summary>
    public int Iterations { get; }

    /// <summary>Whether the winning start met the tolerance before the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>Free parameters p = (K−1) + K(K−1) + K·(d + d(d+1)/2).</summary>
    public int FreeParameters
    {
        get
        {
            var k = Parameters.StateCount;
            var d = Parameters.Dimension;
            return (k - 1) + k * (k - 1) + k * (d + d * (d + 1) / 2);
        }
    }

    /// <summary>Schwarz's Bayesian information criterion −2 ln L + p ln N (lower is better; use it to choose K).</summary>
    public double BayesianInformationCriterion => -2.0 * LogLikelihood + FreeParameters * Math.Log(Observations);
}
