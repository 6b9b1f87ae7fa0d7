using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;
using QuantConnect;
using QuantConnect.Algorithm.Framework.Alphas;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// Alpha model predicting the drift the jump component adds to the price over the insight period: the mid is sampled
/// every <see cref="SampledMidAlphaModel.SampleInterval"/>, jumps are detected online by the Lee &amp; Mykland (2008,
/// Review of Financial Studies 21, Definition 1 and Lemma 1) test, and their up/down rates and mean sizes are estimated
/// with exponential weights (<see cref="WeightedJumpActivity"/>, half-life <see cref="JumpDetectionSettings.MemoryHalfLife"/>).
/// Time is the security's open-market time: the return across a market close (an overnight gap) is not tested, and the
/// weights age in tested open-market seconds only, so a night neither makes a jump nor fades the rates.
/// </summary>
/// <remarks>
/// <para><b>Prediction.</b> For a compound Poisson jump component the expected fractional price change over a period T
/// is its compensator (Merton 1976, J. Financial Economics 3; Kou 2002, Management Science 48, eq. 1):
/// m = (λ⁺E[J⁺] − λ⁻E[J⁻])·T, λ± the up/down jump rates per second and E[J±] the mean absolute fractional jump sizes
/// (the same term λ_J(p/η⁺ − (1−p)/η⁻) that Cartea, Jaimungal &amp; Penalva 2015, §10.4, add to the drift of the
/// mid-price). The insight has direction sign(m), magnitude |m| (predicted fractional move over
/// <see cref="SampledMidAlphaModel.InsightPeriod"/>) and confidence 2Φ(|z|) − 1 with z the studentised net jump drift
/// (<see cref="WeightedJumpActivity.DriftConfidence"/>). The view is the compensator only: no post-jump continuation or
/// reversal term is added, as none is derived here from a published result.</para>
/// <para><b>Materiality.</b> The view is directional only when |m| ≥ <see cref="MinimumMagnitude"/>, the confidence is at
/// least <see cref="MinimumConfidence"/>, and the weighted exposure has reached half its stationary value (one half-life
/// of tested time), so the first jump after a short history cannot produce an inflated rate. Emission
/// (<c>InsightThrottle</c>): on a direction change (a fading view emits one Flat insight), on each new jump while the
/// view is directional, and otherwise at most once per period to renew a standing view.</para>
/// <para><b>Costs.</b> Bounded state per symbol (the test's window of K returns and seven running sums); no allocation
/// per tick; per sample LEAN's indicator data point and, when emitted, the insight.</para>
/// <para>A market-making portfolio construction model turns the insight into a drift μ = d·|m|·mid/T whose decay time is
/// T (<c>InsightSignals</c>). A quoting model that already prices jump asymmetry structurally (a Cartea–Jaimungal model
/// with p ≠ ½ or η⁺ ≠ η⁻) would count it twice: give such a model drift-neutral jump inputs.</para>
/// </remarks>
public class JumpAlphaModel : SampledMidAlphaModel
{
    private readonly Dictionary<Symbol, SymbolJumps> _symbols = new();
    private readonly JumpDetectionSettings _jumps;

    /// <summary>Creates the model.</summary>
    /// <param name="jumps">Jump test and memory.</param>
    /// <param name="sampleInterval">Sampling step of the mid (the test assumes regularly sampled returns), &gt; 0.</param>
    /// <param name="insightPeriod">Horizon T of each insight, ≥ 1 second.</param>
    /// <param name="minimumMagnitude">Smallest |m| (fractional move over T) that makes a directional view, ≥ 0.</param>
    /// <param name="minimumConfidence">Smallest confidence 2Φ(|z|) − 1 that makes a directional view, in [0, 1).</param>
    public JumpAlphaModel(JumpDetectionSettings jumps, TimeSpan sampleInterval, TimeSpan insightPeriod, double minimumMagnitude, double minimumConfidence = 0.5)
        : base(sampleInterval, insightPeriod)
    {
        _jumps = jumps ?? throw Guard.Invalid(nameof(jumps), "must not be null");
        MinimumMagnitude = Guard.NonNegative(minimumMagnitude, nameof(minimumMagnitude));
        MinimumConfidence = Guard.InRange(minimumConfidence, 0, 1, nameof(minimumConfidence));
        if (minimumConfidence >= 1)
        {
            throw Guard.Invalid(nameof(minimumConfidence), "must be < 1 (the confidence never reaches 1)");
        }

        Name = $"{nameof(JumpAlphaModel)}({sampleInterval.TotalSeconds}s,{insightPeriod.TotalSeconds}s,{jumps.MemoryHalfLife.TotalSeconds}s,{minimumMagnitude},{minimumConfidence})";
    }

    /// <summary>Jump test and memory.</summary>
    public JumpDetectionSettings Jumps => _jumps;

    /// <summary>Smallest |m| making a directional view.</summary>
    public double MinimumMagnitude { get; }

    /// <summary>Smallest confidence making a directional view.</summary>
    public double MinimumConfidence { get; }

    /// <summary>The current view of <paramref name="symbol"/>: signed predicted fractional move over the period (0 when Flat or unknown).</summary>
    public double ViewOf(Symbol symbol) => _symbols.TryGetValue(symbol, out var state) ? state.View : 0;

    /// <summary>The jump activity estimate of <paramref name="symbol"/>, null before its first sample.</summary>
    public WeightedJumpActivity? ActivityOf(Symbol symbol) => _symbols.TryGetValue(symbol, out var state) ? state.Tracker.Activity : null;

    /// <summary>Jumps detected on <paramref name="symbol"/>.</summary>
    public long JumpCountOf(Symbol symbol) => _symbols.TryGetValue(symbol, out var state) ? state.Tracker.Indicator.JumpCount : 0;

    /// <inheritdoc />
    protected override Insight? OnSample(Symbol symbol, in MidSample sample)
    {
        if (!_symbols.TryGetValue(symbol, out var state))
        {
            state = new SymbolJumps(new JumpTracker(_jumps, ClockOf(symbol)));
            _symbols[symbol] = state;
        }

        var tracker = state.Tracker;
        tracker.Update(sample.LocalTime, sample.Mid);
        if (!tracker.IsTested)
        {
            return null;
        }

        var activity = tracker.Activity;
        var move = activity.ExpectedMove(InsightPeriod.TotalSeconds);
        var confidence = activity.DriftConfidence;
        var material = move != 0
            && Math.Abs(move) >= MinimumMagnitude
            && confidence >= MinimumConfidence
            && activity.ExposureSeconds >= 0.5 * activity.StationaryExposureSeconds;
        var direction = !material ? InsightDirection.Flat : move > 0 ? InsightDirection.Up : InsightDirection.Down;
        state.View = material ? move : 0;
        if (!state.Throttle.Admit(direction, sample.UtcTime, InsightPeriod, fresh: tracker.IsJump))
        {
            return null;
        }

        return Insight.Price(symbol, InsightPeriod, direction, Math.Abs(state.View), confidence, Name);
    }

    /// <inheritdoc />
    protected override void Forget(Symbol symbol) => _symbols.Remove(symbol);

    private sealed class SymbolJumps
    {
        public SymbolJumps(JumpTracker tracker) => Tracker = tracker;

        public JumpTracker Tracker { get; }

        public InsightThrottle Throttle { get; } = new();

        public double View { get; set; }
    }
}
