using System.Collections.Generic;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>Result of the batch <see cref="LeeMyklandTest.Run"/>.</summary>
/// <param name="FirstTestedReturn">Index of the first tested return (K − 1: the earlier ones only feed σ̂).</param>
/// <param name="Statistics">Lᵢ for the tested returns, element j belonging to return <c>FirstTestedReturn + j</c>.</param>
/// <param name="TestCount">n used in C_n and S_n.</param>
/// <param name="Threshold">Rejection threshold C_n + S_n·β* on |Lᵢ|.</param>
/// <param name="Jumps">The returns with |Lᵢ| above the threshold, in time order.</param>
public sealed record LeeMyklandResult(
    int FirstTestedReturn,
    IReadOnlyList<double> Statistics,
    int TestCount,
    double Threshold,
    IReadOnlyList<DetectedJump> Jumps);
