using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// Settings of the Baum–Welch fit (<see cref="GaussianHiddenMarkovModel.Fit(System.ReadOnlySpan{double}, HiddenMarkovModelFitOptions)"/>).
/// Immutable and validated.
/// </summary>
public sealed class HiddenMarkovModelFitOptions
{
    /// <summary>Validates the settings.</summary>
    /// <param name="states">Number of regimes K ≥ 1.</param>
    /// <param name="starts">EM runs from different initialisations (the first equal-quantile, the others seeded random quantile bands); the best log-likelihood wins.</param>
    /// <param name="maxIterations">EM iterations allowed per start.</param>
    /// <param name="tolerance">Convergence when the log-likelihood gains less than this per observation in one iteration (nats per observation).</param>
    /// <param name="varianceFloorFraction">In (0, 1]. 
    /// Ridge added to each state's covariance diagonal, as a fraction of the sample variance of that component
    /// (like hmmlearn's <c>min_covar</c>): keeps a state from collapsing onto a few points.
    /// </param>
    /// <param name="seed">Seed of the random initialisations (fits are reproducible).</param>
    /// <param name="requireConvergence">When true, a best start that did not converge within <paramref name="maxIterations"/> throws
    /// <see cref="MarketMakingErrorKind.ModelConvergenceFailed"/>; when false it is reported in <see cref="HiddenMarkovModelFit.Converged"/>.</param>
    public HiddenMarkovModelFitOptions(
        int states,
        int starts = 4,
        int maxIterations = 500,
        double tolerance = 1e-7,
        double varianceFloorFraction = 1e-4,
        int seed = 1,
        bool requireConvergence = true)
    {
        States = Guard.Positive(states, nameof(states));
        Starts = Guard.Positive(starts, nameof(starts));
        MaxIterations = Guard.Positive(maxIterations, nameof(maxIterations));
        Tolerance = Guard.Positive(tolerance, nameof(tolerance));
        VarianceFloorFraction = Guard.InRange(varianceFloorFraction, double.Epsilon, 1.0, nameof(varianceFloorFraction));
        Seed = seed;
        RequireConvergence = requireConvergence;
    }

    /// <summary>Number of regimes K.</summary>
    public int States { get; }

    /// <summary>EM runs from different initialisations.</summary>
    public int Starts { get; }

    /// <summary>EM iterations allowed per start.</summary>
    public int MaxIterations { get; }

    /// <summary>Convergence threshold on the log-likelihood gain per iteration, in nats per observation.</summary>
    public double Tolerance { get; }

    /// <summary>Covariance ridge as a fraction of each component's sample variance.</summary>
    public double VarianceFloorFraction { get; }

    /// <summary>Seed of the random initialisations.</summary>
    public int Seed { get; }

    /// <summary>Whether a non-converged best fit throws instead of being reported.</summary>
    public bool RequireConvergence { get; }
}
