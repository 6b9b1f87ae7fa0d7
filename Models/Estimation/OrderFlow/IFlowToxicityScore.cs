namespace Lean.MarketMaking.Models.Estimation.OrderFlow;

/// <summary>Combines the components of the order-flow toxicity into one score (swappable: see <see cref="WeightedFlowToxicityScore"/>).</summary>
public interface IFlowToxicityScore
{
    /// <summary>The toxicity score in [0, 1] of <paramref name="reading"/>: 0 uninformed flow, 1 flow as informed as the components can say.</summary>
    double Score(in FlowToxicityReading reading);
}
