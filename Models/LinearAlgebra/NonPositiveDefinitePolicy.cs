namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>What to do with an estimated correlation or covariance matrix that is not positive definite.</summary>
public enum NonPositiveDefinitePolicy
{
    /// <summary>Throw <see cref="Errors.MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite"/>.</summary>
    Reject = 0,

    /// <summary>
    /// Replace the correlation by its nearest positive definite correlation matrix (<see cref="NearestCorrelationMatrix"/>,
    /// Higham 2002) and report the Frobenius distance moved.
    /// </summary>
    Repair = 1,
}
