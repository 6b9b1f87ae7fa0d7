using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// How the alpha models detect jumps on their sampled mids and how long they remember them: the Lee &amp; Mykland
/// (2008) test (<see cref="LeeMyklandParameters"/>: window K, significance α; <see cref="TestsPerPeriod"/> = n in
/// C_n, S_n) feeding a <see cref="WeightedJumpActivity"/> with half-life <see cref="MemoryHalfLife"/>.
/// </summary>
public sealed class JumpDetectionSettings
{
    /// <summary>Validates the settings.</summary>
    /// <param name="detector">Window K and significance α of the test.</param>
    /// <param name="testsPerPeriod">n: returns per period over which the false-alarm rate is α (e.g. 1440 one-minute returns a day), ≥ 2.</param>
    /// <param name="memoryHalfLife">Half-life of the jump-activity weights, in observed (tested) time, &gt; 0.</param>
    public JumpDetectionSettings(LeeMyklandParameters detector, int testsPerPeriod, TimeSpan memoryHalfLife)
    {
        Detector = detector ?? throw Guard.Invalid(nameof(detector), "must not be null");
        TestsPerPeriod = (int)Guard.InRange(testsPerPeriod, 2, int.MaxValue, nameof(testsPerPeriod));
        Guard.Positive(memoryHalfLife.TotalSeconds, nameof(memoryHalfLife));
        MemoryHalfLife = memoryHalfLife;
    }

    /// <summary>Window K and significance α of the Lee–Mykland test.</summary>
    public LeeMyklandParameters Detector { get; }

    /// <summary>n in C_n and S_n.</summary>
    public int TestsPerPeriod { get; }

    /// <summary>Half-life of the jump-activity weights.</summary>
    public TimeSpan MemoryHalfLife { get; }
}
