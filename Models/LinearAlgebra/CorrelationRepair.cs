using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>
/// Accepts, repairs or rejects an estimated correlation or covariance matrix by a <see cref="NonPositiveDefinitePolicy"/>:
/// a matrix that is not positive definite is either rejected with
/// <see cref="MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite"/> or replaced by its nearest correlation matrix
/// with eigenvalues ≥ δ (Higham 2002, <see cref="NearestCorrelationMatrix"/>), the Frobenius distance moved reported.
/// Non-finite entries and non-positive variances are never repaired (InvalidParameters, resp.
/// CorrelationMatrixNotPositiveDefinite): they are broken inputs, not noisy estimates.
/// </summary>
public static class CorrelationRepair
{
    /// <summary>Validates <paramref name="values"/> as a correlation matrix, repairing it if the policy says so.</summary>
    /// <param name="values">Estimated correlation, n×n.</param>
    /// <param name="policy">Reject or repair a matrix that is not positive definite.</param>
    /// <param name="settings">Repair settings; <see cref="NearestCorrelationSettings.PositiveDefinite"/> when null (δ must be &gt; 0).</param>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for a non-square or non-finite input or δ = 0; CorrelationMatrixNotPositiveDefinite under
    /// <see cref="NonPositiveDefinitePolicy.Reject"/>.
    /// </exception>
    public static RepairedCorrelation Correlation(double[,] values, NonPositiveDefinitePolicy policy, NearestCorrelationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Guard.Defined(policy, nameof(policy));
        settings ??= NearestCorrelationSettings.PositiveDefinite;
        if (!(settings.MinimumEigenvalue > 0))
        {
            throw Guard.Invalid(nameof(settings), "a repair must be positive definite: MinimumEigenvalue must be > 0");
        }

        try
        {
            return new RepairedCorrelation(new CorrelationMatrix(values), 0.0, wasRepaired: false);
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite && policy == NonPositiveDefinitePolicy.Repair)
        {
            var nearest = NearestCorrelationMatrix.Compute(values, settings);
            return new RepairedCorrelation(nearest.ToCorrelationMatrix(), nearest.FrobeniusDistance, wasRepaired: true);
        }
    }

    /// <summary>
    /// Validates <paramref name="covariance"/> as a covariance matrix Σ = D·ρ·D (D = diag(σ)), repairing its correlation ρ
    /// if the policy says so and keeping the variances: Σ' = D·ρ'·D.
    /// </summary>
    /// <param name="covariance">Estimated covariance, n×n, any units (price², return², per any time unit).</param>
    /// <param name="policy">Reject or repair a matrix that is not positive definite.</param>
    /// <param name="settings">As in <see cref="Correlation"/>.</param>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for a non-square or non-finite input; CorrelationMatrixNotPositiveDefinite for a variance ≤ 0
    /// (either policy), or under <see cref="NonPositiveDefinitePolicy.Reject"/> when Σ is not symmetric positive definite;
    /// its ParameterName is "covariance".
    /// </exception>
    public static RepairedCovariance Covariance(double[,] covariance, NonPositiveDefinitePolicy policy, NearestCorrelationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        if (n == 0 || covariance.GetLength(1) != n)
        {
            throw Guard.Invalid(nameof(covariance), $"must be a non-empty square matrix, got {covariance.GetLength(0)}x{covariance.GetLength(1)}");
        }

        var sigma = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Guard.Finite(covariance[i, j], $"{nameof(covariance)}[{i},{j}]");
            }

            if (!(covariance[i, i] > 0))
            {
                throw new MarketMakingException(
                    MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite,
                    $"variance [{i},{i}] must be > 0, got {covariance[i, i]}",
                    nameof(covariance));
            }

            sigma[i] = Math.Sqrt(covariance[i, i]);
        }

        var rho = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rho[i, j] = i == j ? 1.0 : covariance[i, j] / (sigma[i] * sigma[j]);
            }
        }

        RepairedCorrelation correlation;
        try
        {
            correlation = Correlation(rho, policy, settings);
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite,
                $"is not symmetric positive definite ({e.Message})",
                nameof(covariance),
                e);
        }

        if (!correlation.WasRepaired)
        {
            return new RepairedCovariance((double[,])covariance.Clone(), correlation, 0.0);
        }

        var repaired = new double[n, n];
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                repaired[i, j] = i == j ? covariance[i, i] : sigma[i] * correlation.Matrix[i, j] * sigma[j];
                var d = covariance[i, j] - repaired[i, j];
                squares += d * d;
            }
        }

        return new RepairedCovariance(repaired, correlation, Math.Sqrt(squares));
    }
}
