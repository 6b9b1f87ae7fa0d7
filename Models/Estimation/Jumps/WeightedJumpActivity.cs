using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>
/// Exponentially weighted online estimate of an asymmetric compound Poisson jump component (up jumps at rate λ⁺ with
/// mean fractional size E[J⁺], down jumps at rate λ⁻ with mean absolute fractional size E[J⁻]; Merton 1976, "Option
/// pricing when underlying stock returns are discontinuous", J. Financial Economics 3; Kou 2002, "A jump-diffusion
/// model for option pricing", Management Science 48, eq. 1) from the jumps a detector finds, in O(1) memory and time
/// with no allocation.
/// </summary>
/// <remarks>
/// <para><b>Weights.</b> A jump found s seconds of observed time ago has weight w = e^(−βs), β = ln 2 / H (half-life H).
/// Time counts only while returns are tested (<see cref="Elapse"/>), so closed markets and detector warm-ups do not
/// age the estimate. The weighted exposure is W = ∫ e^(−βs) ds over the observed time, which grows to 1/β.</para>
/// <para><b>Estimates.</b> With yᵢ = e^(rᵢ) − 1 the fractional price move of a jump of log-return rᵢ, N± = Σ± wᵢ and
/// S± = Σ± wᵢ|yᵢ| over the up (down) jumps: λ± = N±/W per second and E[J±] = S±/N±. By Campbell's theorem
/// (Kingman 1993, "Poisson Processes", §3.2) E[Σ w·y] = λ·E[y]·W, so these are the exposure-weighted maximum
/// likelihood estimates of the rates and the ratio estimates of the mean sizes.</para>
/// <para><b>Jump drift.</b> The jump component's expected fractional contribution to the price over the next T
/// seconds is the compensator of the compound Poisson part (Merton 1976: λ·E[Y − 1]·T; Kou 2002: the jump term
/// d(Σ(Vᵢ − 1)) of eq. 1 has mean λE[V − 1] per unit time),
/// (λ⁺E[J⁺] − λ⁻E[J⁻])·T = (S⁺ − S⁻)/W·T, i.e. <see cref="DriftPerSecond"/>·T.</para>
/// <para><b>Significance.</b> Campbell's theorem also gives Var[Σ w·y] = λE[y²]·∫w², estimated without bias by
/// Σ w²y², so z = (S⁺ − S⁻)/√(Σ w²y²) is the studentised statistic of H₀: no net jump drift, asymptotically standard
/// normal; <see cref="DriftConfidence"/> = 2Φ(|z|) − 1 is one minus its two-sided p-value. A single jump gives |z| = 1
/// (confidence 0.683); jumps of one sign add up, jumps of both signs cancel.</para>
/// <para><b>Jump variance.</b> The quadratic variation the jumps add to the log-price is λE[r²] per second
/// (Merton 1976; Cartea, Jaimungal &amp; Penalva 2015, §10.4, for the mid-price), estimated as Σ w·r²/W (<see cref="VariancePerSecond"/>,
/// log-return² per second).</para>
/// </remarks>
public sealed class WeightedJumpActivity
{
    private readonly double _decayRate;
    private double _exposure;
    private double _upWeight;
    private double _downWeight;
    private double _upSize;
    private double _downSize;
    private double _squaredWeightedMoves;
    private double _squaredLogReturns;

    /// <summary>Creates an empty estimate.</summary>
    /// <param name="halfLifeSeconds">Half-life H of the weights, in seconds of observed time (&gt; 0).</param>
    public WeightedJumpActivity(double halfLifeSeconds)
    {
        HalfLifeSeconds = Guard.Positive(halfLifeSeconds, nameof(halfLifeSeconds));
        _decayRate = Math.Log(2) / halfLifeSeconds;
    }

    /// <summary>Half-life H of the weights, seconds.</summary>
    public double HalfLifeSeconds { get; }

    /// <summary>Weighted exposure W, seconds (grows to H/ln 2).</summary>
    public double ExposureSeconds => _exposure;

    /// <summary>Stationary exposure 1/β = H/ln 2, seconds: the exposure after a long observation.</summary>
    public double StationaryExposureSeconds => 1 / _decayRate;

    /// <summary>Weighted number of jumps N⁺ + N⁻ (0 when none).</summary>
    public double WeightedJumpCount => _upWeight + _downWeight;

    /// <summary>λ⁺: up-jump rate, per second (0 before any exposure).</summary>
    public double UpIntensityPerSecond => PerExposure(_upWeight);

    /// <summary>λ⁻: down-jump rate, per second (0 before any exposure).</summary>
    public double DownIntensityPerSecond => PerExposure(_downWeight);

    /// <summary>E[J⁺]: mean fractional size of the up jumps (0 without up jumps).</summary>
    public double MeanUpSize => _upWeight > 0 ? _upSize / _upWeight : 0;

    /// <summary>E[J⁻]: mean absolute fractional size of the down jumps (0 without down jumps).</summary>
    public double MeanDownSize => _downWeight > 0 ? _downSize / _downWeight : 0;

    /// <summary>λ⁺E[J⁺] − λ⁻E[J⁻]: expected fractional price drift from jumps, per second.</summary>
    public double DriftPerSecond => PerExposure(_upSize - _downSize);

    /// <summary>z = (S⁺ − S⁻)/√(Σ w²y²): studentised net jump drift (0 without jumps).</summary>
    public double DriftStatistic => _squaredWeightedMoves > 0 ? (_upSize - _downSize) / Math.Sqrt(_squaredWeightedMoves) : 0;

    /// <summary>2Φ(|z|) − 1 ∈ [0, 1): confidence that the net jump drift is not zero.</summary>
    public double DriftConfidence => 2 * Normal.CDF(0, 1, Math.Abs(DriftStatistic)) - 1;

    /// <summary>λE[r²]: log-price variance added by the jumps, log-return² per second.</summary>
    public double VariancePerSecond => PerExposure(_squaredLogReturns);

    /// <summary>Expected fractional price move from jumps over <paramref name="seconds"/>: <see cref="DriftPerSecond"/>·T.</summary>
    public double ExpectedMove(double seconds) => DriftPerSecond * seconds;

    /// <summary>Ages the estimate by <paramref name="seconds"/> of observed time (non-finite or non-positive: ignored).</summary>
    public void Elapse(double seconds)
    {
        if (!(seconds > 0) || !double.IsFinite(seconds))
        {
            return;
        }

        // W(t + s) = W(t)·e^(−βs) + (1 − e^(−βs))/β; expm1 keeps short steps exact
        var fresh = -double.ExpM1(-_decayRate * seconds);
        var decay = 1 - fresh;
        _exposure = _exposure * decay + fresh / _decayRate;
        _upWeight *= decay;
        _downWeight *= decay;
        _upSize *= decay;
        _downSize *= decay;
        _squaredLogReturns *= decay;
        _squaredWeightedMoves *= decay * decay;
    }

    /// <summary>Adds a jump of log-return <paramref name="logReturn"/> at the current time (0 or non-finite: ignored).</summary>
    public void AddJump(double logReturn)
    {
        if (logReturn == 0 || !double.IsFinite(logReturn))
        {
            return;
        }

        var move = double.ExpM1(logReturn);
        if (move > 0)
        {
            _upWeight += 1;
            _upSize += move;
        }
        else
        {
            _downWeight += 1;
            _downSize -= move;
        }

        _squaredWeightedMoves += move * move;
        _squaredLogReturns += logReturn * logReturn;
    }

    /// <summary>Forgets everything.</summary>
    public void Reset() =>
        _exposure = _upWeight = _downWeight = _upSize = _downSize = _squaredWeightedMoves = _squaredLogReturns = 0;

    private double PerExposure(double value) => _exposure > 0 ? value / _exposure : 0;
}
