namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>
/// A symmetric positive definite covariance matrix and how far <see cref="CorrelationRepair.Covariance"/> moved the
/// input to get it (the variances are kept; only the correlation is repaired).
/// </summary>
public sealed class RepairedCovariance
{
    private readonly double[,] _covariance;

    internal RepairedCovariance(double[,] covariance, RepairedCorrelation correlation, double frobeniusDistance)
    {
        _covariance = covariance;
        Correlation = correlation;
        FrobeniusDistance = frobeniusDistance;
    }

    /// <summary>Dimension n.</summary>
    public int Dimension => _covariance.GetLength(0);

    /// <summary>The correlation matrix of Σ and the distance its repair moved the input's correlation.</summary>
    public RepairedCorrelation Correlation { get; }

    /// <summary>‖Σ_input − Σ‖_F, in the covariance's units; 0 when the input was accepted as it was.</summary>
    public double FrobeniusDistance { get; }

    /// <summary>Whether the input was repaired.</summary>
    public bool WasRepaired => Correlation.WasRepaired;

    /// <summary>Σ[i, j].</summary>
    public double this[int i, int j] => _covariance[i, j];

    /// <summary>A copy of Σ.</summary>
    public double[,] ToArray() => (double[,])_covariance.Clone();
}
