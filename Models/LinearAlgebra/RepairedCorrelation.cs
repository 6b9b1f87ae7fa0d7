namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>A validated correlation matrix and how far <see cref="CorrelationRepair"/> moved the input to get it.</summary>
public sealed class RepairedCorrelation
{
    internal RepairedCorrelation(CorrelationMatrix matrix, double frobeniusDistance, bool wasRepaired)
    {
        Matrix = matrix;
        FrobeniusDistance = frobeniusDistance;
        WasRepaired = wasRepaired;
    }

    /// <summary>The positive definite correlation matrix.</summary>
    public CorrelationMatrix Matrix { get; }

    /// <summary>‖input − <see cref="Matrix"/>‖_F (dimensionless); 0 when the input was accepted as it was.</summary>
    public double FrobeniusDistance { get; }

    /// <summary>Whether the input was not positive definite and was replaced by its nearest correlation matrix.</summary>
    public bool WasRepaired { get; }
}
