using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>
/// Immutable, validated settings of <see cref="NearestCorrelationMatrix"/> (Higham 2002, Algorithm 3.3, with Anderson
/// acceleration as in Higham &amp; Strabić 2016).
/// </summary>
public sealed class NearestCorrelationSettings
{
    /// <summary>The nearest positive semi-definite correlation matrix (δ = 0), tolerance 1e-10, Anderson history 2.</summary>
    public static NearestCorrelationSettings Default { get; } = new();

    /// <summary>
    /// For repairs that must end positive definite (a Cholesky factor, a multi-asset quoting model): eigenvalues at least
    /// δ = 1e-8, tolerance 1e-10, Anderson history 2.
    /// </summary>
    public static NearestCorrelationSettings PositiveDefinite { get; } = new(minimumEigenvalue: 1e-8);

    /// <summary>Validates the settings.</summary>
    /// <param name="tolerance">Stop when the relative Frobenius change of the unit-diagonal iterate and the relative gap
    /// between the two projections both fall below it; in (0, 1).</param>
    /// <param name="maxIterations">Iterations before <see cref="MarketMakingErrorKind.ModelConvergenceFailed"/>, ≥ 1.</param>
    /// <param name="minimumEigenvalue">δ in [0, 1): the semi-definite projection clips eigenvalues at δ instead of 0, so the
    /// result is the nearest correlation matrix whose eigenvalues are all ≥ δ (still a closed convex set, so Dykstra's
    /// method still converges to the nearest point); δ &gt; 0 makes the result positive definite.</param>
    /// <param name="andersonHistory">m ≥ 0: Anderson acceleration AA(m) of the iteration (Higham &amp; Strabić 2016 use m = 2);
    /// 0 runs the plain alternating projections of Higham (2002).</param>
    public NearestCorrelationSettings(double tolerance = 1e-10, int maxIterations = 10_000, double minimumEigenvalue = 0.0, int andersonHistory = 2)
    {
        AndersonHistory = Guard.NonNegative(andersonHistory, nameof(andersonHistory));
        Tolerance = Guard.InRange(tolerance, double.Epsilon, 0.5, nameof(tolerance));
        MaxIterations = Guard.Positive(maxIterations, nameof(maxIterations));
        MinimumEigenvalue = Guard.InRange(minimumEigenvalue, 0.0, 0.999, nameof(minimumEigenvalue));
    }

    /// <summary>Relative convergence tolerance (Frobenius norm).</summary>
    public double Tolerance { get; }

    /// <summary>Iteration limit.</summary>
    public int MaxIterations { get; }

    /// <summary>δ: smallest eigenvalue allowed in the result.</summary>
    public double MinimumEigenvalue { get; }

    /// <summary>m: how many past differences Anderson acceleration mixes (0 = unaccelerated).</summary>
    public int AndersonHistory { get; }
}
