using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Quoting;

/// <summary>
/// What a single-asset quoting model needs to know about the market at one instant.
/// Time is measured in the same unit as the model's horizon and as the time unit of its
/// volatility (price per √unit) and intensities (per unit); inventory is in units of the asset
/// (a multiple of the model's order size where the model is discrete).
/// </summary>
public readonly record struct MarketSnapshot
{
    /// <summary>Creates a validated snapshot.</summary>
    /// <param name="mid">Mid price s, finite and positive.</param>
    /// <param name="time">Current time t, finite and non-negative, in the model's time unit.</param>
    /// <param name="inventory">Signed inventory q, finite.</param>
    /// <param name="drift">Predicted drift μ of the mid, in price per time unit (0 when there is no view).</param>
    /// <param name="adverseSelection">Adverse-selection premium, in price units, added to both depths (0 for none).</param>
    /// <param name="driftDecayTime">
    /// How long the drift view lasts, in the model's time unit: the drift is a short-term alpha that decays as
    /// e^(−s/h) (Cartea, Jaimungal &amp; Penalva 2015, §10.4 short-term alpha), so the expected move of the mid over the
    /// remaining horizon τ is μ·h·(1 − e^(−τ/h)). +∞ (the default) is a persistent drift, expected move μτ.
    /// </param>
    /// <param name="flowToxicity">
    /// Order-flow toxicity score in [0, 1] (0: uninformed flow), read by <see cref="Toxicity.ToxicityAwareQuotingModel"/>
    /// (which maps it to the wrapped model's inputs); a model used alone ignores it.
    /// </param>
    /// <param name="informedSide">Side of the informed flow: +1 buyers (the ask is exposed), −1 sellers (the bid is exposed), 0 unknown.</param>
    public MarketSnapshot(double mid, double time, double inventory, double drift = 0, double adverseSelection = 0, double driftDecayTime = double.PositiveInfinity,
        double flowToxicity = 0, int informedSide = 0)
    {
        Mid = Guard.Positive(mid, nameof(mid));
        Time = Guard.NonNegative(time, nameof(time));
        Inventory = Guard.Finite(inventory, nameof(inventory));
        Drift = Guard.Finite(drift, nameof(drift));
        AdverseSelection = Guard.NonNegative(adverseSelection, nameof(adverseSelection));
        DriftDecayTime = double.IsPositiveInfinity(driftDecayTime) ? driftDecayTime : Guard.Positive(driftDecayTime, nameof(driftDecayTime));
        FlowToxicity = Guard.InRange(flowToxicity, 0, 1, nameof(flowToxicity));
        InformedSide = informedSide is >= -1 and <= 1 ? informedSide : throw Guard.Invalid(nameof(informedSide), $"must be -1, 0 or +1, got {informedSide}");
    }

    /// <summary>Order-flow toxicity score in [0, 1]; see <see cref="Toxicity.ToxicityAwareQuotingModel"/>.</summary>
    public double FlowToxicity { get; }

    /// <summary>Side of the informed flow: +1 buyers, −1 sellers, 0 unknown.</summary>
    public int InformedSide { get; }

    /// <summary>Mid price s.</summary>
    public double Mid { get; }

    /// <summary>Current time t in the model's time unit.</summary>
    public double Time { get; }

    /// <summary>Signed inventory q in units of the asset.</summary>
    public double Inventory { get; }

    /// <summary>Predicted drift μ of the mid, price per time unit.</summary>
    public double Drift { get; }

    /// <summary>
    /// Decay time h of the drift view in the model's time unit (+∞: persistent). Models that integrate the drift over
    /// the horizon (Avellaneda–Stoikov) use the expected move μ·h·(1 − e^(−τ/h)); see <see cref="ExpectedDriftMove"/>.
    /// GLFT and Cartea–Jaimungal solve their control problems with the decaying drift μe^(−s/h) (the closed form
    /// exactly within its approximation, the exact models to first order in μ).
    /// </summary>
    public double DriftDecayTime { get; }

    /// <summary>Adverse-selection premium in price units, widening both sides.</summary>
    public double AdverseSelection { get; }

    /// <summary>
    /// Expected move of the mid from the drift over the next <paramref name="tau"/> time units: μτ for a persistent drift,
    /// μ·h·(1 − e^(−τ/h)) for a view decaying with time constant h = <see cref="DriftDecayTime"/>.
    /// </summary>
    /// <param name="tau">Remaining horizon τ ≥ 0 in the model's time unit.</param>
    public double ExpectedDriftMove(double tau) =>
        double.IsPositiveInfinity(DriftDecayTime) ? Drift * tau : -Drift * DriftDecayTime * MathNet.Numerics.SpecialFunctions.Expm1(-tau / DriftDecayTime);
}
