using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// Validated, immutable market of the Monte Carlo market-making simulation of Avellaneda &amp; Stoikov (2008, §3.3):
/// a binomial mid (±σ√dt with equal probability each step) and, on each side, an independent Bernoulli fill with
/// probability A·e^(−kδ)·dt per step for a quote at depth δ from the mid. Time is in the quoting model's time unit.
/// </summary>
public sealed class MarketMakingSimulationSettings
{
    /// <summary>Creates validated settings; invalid values throw <see cref="MarketMakingException"/> of kind
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> naming the parameter.</summary>
    /// <param name="initialMid">Mid price s₀ &gt; 0 at t = 0, price units.</param>
    /// <param name="horizon">Terminal time T &gt; 0, time units; must be a whole number of time steps.</param>
    /// <param name="volatility">σ ≥ 0, price units per √time unit: each step the mid moves by ±σ√dt.</param>
    /// <param name="timeStep">dt &gt; 0, time units, at most T.</param>
    /// <param name="arrivalIntensity">A &gt; 0, fills per time unit of a quote at the mid.</param>
    /// <param name="intensityDecay">k &gt; 0, per price unit.</param>
    /// <param name="paths">Number of simulated paths, ≥ 2 (the results report sample standard deviations).</param>
    /// <param name="initialInventory">Inventory q₀ at t = 0, units of the asset.</param>
    public MarketMakingSimulationSettings(
        double initialMid,
        double horizon,
        double volatility,
        double timeStep,
        double arrivalIntensity,
        double intensityDecay,
        int paths,
        double initialInventory = 0)
    {
        InitialMid = Guard.Positive(initialMid, nameof(initialMid));
        Horizon = Guard.Positive(horizon, nameof(horizon));
        Volatility = Guard.NonNegative(volatility, nameof(volatility));
        TimeStep = Guard.InRange(timeStep, double.Epsilon, horizon, nameof(timeStep));
        ArrivalIntensity = Guard.Positive(arrivalIntensity, nameof(arrivalIntensity));
        IntensityDecay = Guard.Positive(intensityDecay, nameof(intensityDecay));
        Paths = paths >= 2 ? paths : throw Guard.Invalid(nameof(paths), $"must be >= 2 (a sample standard deviation needs two paths), got {paths}");
        InitialInventory = Guard.Finite(initialInventory, nameof(initialInventory));

        var steps = Math.Round(horizon / timeStep);
        if (Math.Abs(steps * timeStep - horizon) > 1e-9 * horizon || steps > int.MaxValue)
        {
            throw Guard.Invalid(nameof(timeStep), $"must divide the horizon {horizon} into a whole number of steps, got {timeStep}");
        }

        Steps = (int)steps;
    }

    /// <summary>The paper's setup (§3.3, tables 1–3): s₀ = 100, T = 1, σ = 2, dt = 0.005, A = 140, k = 1.5,
    /// 1000 paths, q₀ = 0.</summary>
    public static MarketMakingSimulationSettings AvellanedaStoikov2008 { get; } = new(100, 1, 2, 0.005, 140, 1.5, 1000);

    /// <summary>Mid price s₀ at t = 0, price units.</summary>
    public double InitialMid { get; }

    /// <summary>Terminal time T, time units.</summary>
    public double Horizon { get; }

    /// <summary>Mid volatility σ, price units per √time unit.</summary>
    public double Volatility { get; }

    /// <summary>Time step dt, time units.</summary>
    public double TimeStep { get; }

    /// <summary>Number of steps T/dt.</summary>
    public int Steps { get; }

    /// <summary>Fill intensity A of a quote at the mid, per time unit.</summary>
    public double ArrivalIntensity { get; }

    /// <summary>Fill-intensity decay k, per price unit.</summary>
    public double IntensityDecay { get; }

    /// <summary>Number of simulated paths.</summary>
    public int Paths { get; }

    /// <summary>Inventory q₀ at t = 0, units of the asset.</summary>
    public double InitialInventory { get; }
}
