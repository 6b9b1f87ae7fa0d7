namespace Lean.MarketMaking.Models.Estimation.OrderFlow;

/// <summary>
/// The components of the order-flow toxicity at one instant (<see cref="FlowToxicityEstimator"/>), each a dimensionless
/// number read by an <see cref="IFlowToxicityScore"/>.
/// </summary>
/// <param name="Vpin">VPIN over the volume buckets, [0, 1] (<see cref="VolumeBucketImbalance.Vpin"/>).</param>
/// <param name="SignedVolumeImbalance">Σ(Vᴮ − Vˢ)/(n·V) over the buckets, [−1, 1] (<see cref="VolumeBucketImbalance.SignedImbalance"/>).</param>
/// <param name="HawkesImbalance">(λᴮ − λˢ)/(λᴮ + λˢ), (−1, 1) (<see cref="HawkesFlowImbalance.Imbalance"/>).</param>
/// <param name="ExcitedFraction">Share of the current trade intensity caused by earlier trades, [0, 1) (<see cref="HawkesFlowImbalance.ExcitedFraction"/>).</param>
/// <param name="SignPersistence">Weighted mean of εₜεₜ₋₁, [−1, 1] (<see cref="TradeSignPersistence.Persistence"/>).</param>
public readonly record struct FlowToxicityReading(
    double Vpin,
    double SignedVolumeImbalance,
    double HawkesImbalance,
    double ExcitedFraction,
    double SignPersistence)
{
    /// <summary>
    /// The side whose flow is informed: +1 buyers (the market maker's ask is exposed), −1 sellers (the bid is exposed),
    /// 0 when neither imbalance leans. The Hawkes imbalance (the flow now) decides; the buckets' signed imbalance breaks
    /// an exact tie.
    /// </summary>
    public int InformedSide => HawkesImbalance != 0 ? System.Math.Sign(HawkesImbalance) : System.Math.Sign(SignedVolumeImbalance);
}
