namespace Lean.MarketMaking.Models.Errors;

/// <summary>
/// What went wrong, as carried by <see cref="MarketMakingException.Kind"/>.
/// </summary>
public enum MarketMakingErrorKind
{
    /// <summary>A model or estimator parameter is NaN, infinite, out of range, or inconsistent with another.</summary>
    InvalidParameters,

    /// <summary>A computation lost precision or left the representable range (overflow, underflow, NaN produced).</summary>
    NumericalInstability,

    /// <summary>A covariance or correlation matrix is not symmetric positive definite.</summary>
    CorrelationMatrixNotPositiveDefinite,

    /// <summary>The jump test could not be run (too few observations, zero local volatility).</summary>
    JumpDetectionFailed,

    /// <summary>A Hawkes fit did not converge or produced a non-stationary process.</summary>
    HawkesEstimationFailed,

    /// <summary>A portfolio risk limit (VaR, drawdown, exposure) is exceeded.</summary>
    RiskLimitExceeded,

    /// <summary>An inventory is outside the bounds a model or a risk module allows.</summary>
    InventoryLimitViolation,

    /// <summary>An iterative fit or solver stopped before its tolerance was met.</summary>
    ModelConvergenceFailed,

    /// <summary>A market observation is unusable: NaN or non-positive price, crossed or stale quote, out-of-order timestamp.</summary>
    InvalidMarketData,

    /// <summary>Saved state is unreadable: truncated, torn by a crash mid-write, checksum mismatch, or malformed content.</summary>
    StateCorrupt,

    /// <summary>Saved state carries a format version this build does not read (older or newer).</summary>
    StateVersionUnsupported,
}
