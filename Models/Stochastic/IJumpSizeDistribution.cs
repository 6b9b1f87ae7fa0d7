using System;

namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>The law of the jump sizes Y of a compound Poisson process, in the units of the jumping quantity.</summary>
public interface IJumpSizeDistribution
{
    /// <summary>E[Y], which the compensator removes.</summary>
    double Mean { get; }

    /// <summary>E[Y²], the jump part's variance per unit of intensity and time.</summary>
    double SecondMoment { get; }

    /// <summary>Draws one jump size.</summary>
    double Sample(Random random);
}
