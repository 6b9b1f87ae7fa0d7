using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// Online Lee &amp; Mykland (2008, "Jumps in financial markets: a new nonparametric test and jump dynamics", Review of
/// Financial Studies 21(6), Definition 1 and Lemma 1) jump test on a price series, through
/// <see cref="LeeMyklandDetector"/>: each new log-return r is standardised by the bipower local volatility of the K − 1
/// returns before it, L = r/σ̂, and flagged when |L| exceeds C_n + S_n·β*. The test assumes regularly sampled returns:
/// register it on bars (e.g. one-minute closes) rather than raw ticks. With a <see cref="MarketMakingIndicator{T}.Clock"/>,
/// the return across a market close is neither tested nor part of the local volatility, and times are open-market seconds.
/// <para><see cref="WindowBase{T}.Current"/> is L of the latest return (0 while the window fills).</para>
/// <para>A flat market (the K − 2 adjacent return products all zero) has no local volatility: that return is not tested
/// and the window restarts from the current price, so the indicator is not ready again for K + 1 inputs.</para>
/// <para>The jumps found are summarised as up/down compound Poisson arrivals (<see cref="Summary"/>, a
/// <see cref="JumpSummary"/>, as detected; <see cref="ThresholdCorrectedSummary"/> corrected for the detection threshold)
/// over the last <c>jumpMemory</c> jumps at most, so memory stays bounded.</para>
/// </summary>
public sealed class JumpIndicator : MarketMakingIndicator<IndicatorDataPoint>
{
    private readonly DetectedJump[] _jumps;
    private readonly double[] _testedSecondsAtJump;
    private LeeMyklandDetector _detector;
    private int _jumpCount;
    private int _nextJump;
    private double _testedSeconds;
    private double _testedSecondsAtEvicted;
    private double _lastTimeSeconds;
    private long _observations;

    /// <summary>Creates the indicator.</summary>
    /// <param name="name">Indicator name.</param>
    /// <param name="parameters">Window K and significance α (see <see cref="LeeMyklandParameters.RecommendedWindow"/>).</param>
    /// <param name="testCount">n in C_n and S_n: the number of returns per period over which the false-alarm rate is α (e.g. returns per day), ≥ 2.</param>
    /// <param name="jumpMemory">How many of the latest jumps <see cref="Summary"/> covers, ≥ 1.</param>
    public JumpIndicator(string name, LeeMyklandParameters parameters, int testCount, int jumpMemory = 256)
        : base(name, (parameters ?? throw Guard.Invalid(nameof(parameters), "must not be null")).Window + 1)
    {
        _detector = new LeeMyklandDetector(parameters, testCount);
        Guard.Positive(jumpMemory, nameof(jumpMemory));
        _jumps = new DetectedJump[jumpMemory];
        _testedSecondsAtJump = new double[jumpMemory];
    }

    /// <summary>Window K and significance α.</summary>
    public LeeMyklandParameters Parameters => _detector.Parameters;

    /// <summary>Rejection threshold C_n + S_n·β* on |L|.</summary>
    public double Threshold => _detector.Threshold;

    /// <summary>Whether the latest return was tested.</summary>
    public bool IsTested { get; private set; }

    /// <summary>Whether the latest return was flagged as a jump.</summary>
    public bool IsJump { get; private set; }

    /// <summary>L = r/σ̂ of the latest return (0 when not tested).</summary>
    public double Statistic { get; private set; }

    /// <summary>The latest jump (time in open-market seconds since the first input, log-return, price change, L); null before any.</summary>
    public DetectedJump? LastJump => _jumpCount == 0 ? null : _jumps[(_nextJump - 1 + _jumps.Length) % _jumps.Length];

    /// <summary>Time of <see cref="LastJump"/>.</summary>
    public DateTime? LastJumpTime { get; private set; }

    /// <summary>Jumps detected since the last reset (all of them, not only those <see cref="Summary"/> remembers).</summary>
    public long JumpCount { get; private set; }

    /// <summary>Seconds of tested returns since the last reset: the time over which jumps were searched.</summary>
    public double TestedSeconds => _testedSeconds;

    /// <summary>True once the latest K + 1 inputs fill the window, so each new return is tested.</summary>
    public override bool IsReady => _detector.Count >= WarmUpPeriod;

    /// <summary>
    /// Up and down jumps (log-return sizes) among the latest <c>jumpMemory</c>, over the tested time since the jump before
    /// them (since the start when none was forgotten); null before any tested time. Allocates: query it, do not poll it per tick.
    /// </summary>
    public JumpSummary? Summary
    {
        get
        {
            var seconds = _testedSeconds - _testedSecondsAtEvicted;
            return seconds > 0 ? JumpSummary.From(RememberedJumps(), seconds) : null;
        }
    }

    /// <summary>
    /// <see cref="Summary"/> corrected for the jumps the test cannot see (below its threshold): rates, mean sizes and
    /// exponential rates of the untruncated double-exponential law, <see cref="ThresholdCorrectedJumpSummary.From"/> at
    /// <see cref="Threshold"/>; null before any tested time. Allocates: query it, do not poll it per tick.
    /// </summary>
    public JumpSummary? ThresholdCorrectedSummary
    {
        get
        {
            var seconds = _testedSeconds - _testedSecondsAtEvicted;
            return seconds > 0 ? ThresholdCorrectedJumpSummary.From(RememberedJumps(), seconds, Threshold) : null;
        }
    }

    private protected override Step Accept(IndicatorDataPoint input, double timeSeconds, bool crossesClose)
    {
        if (!IsPrice(input.Value))
        {
            return Step.Skip;
        }

        var price = (double)input.Value;
        if (crossesClose)
        {
            _detector.Interrupt();
        }

        LeeMyklandUpdate update;
        try
        {
            update = _detector.Update(timeSeconds, price);
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.JumpDetectionFailed)
        {
            // Zero local volatility: the detector cannot standardise the return. Restart its window from this price.
            _detector = new LeeMyklandDetector(_detector.Parameters, _detector.TestCount);
            update = _detector.Update(timeSeconds, price);
        }

        _observations++;
        IsTested = update.IsTested;
        IsJump = update.IsJump;
        Statistic = update.Statistic;
        if (update.IsTested)
        {
            _testedSeconds += timeSeconds - _lastTimeSeconds;
        }

        if (update.IsJump)
        {
            Remember(new DetectedJump((int)Math.Min(int.MaxValue, _observations - 2), timeSeconds, update.LogReturn, update.PriceChange, update.Statistic));
            LastJumpTime = input.EndTime;
        }

        _lastTimeSeconds = timeSeconds;
        return Step.Of(update.Statistic);
    }

    private protected override void ResetState()
    {
        _detector = new LeeMyklandDetector(_detector.Parameters, _detector.TestCount);
        Array.Clear(_jumps);
        Array.Clear(_testedSecondsAtJump);
        _jumpCount = _nextJump = 0;
        _testedSeconds = _testedSecondsAtEvicted = _lastTimeSeconds = 0;
        _observations = 0;
        JumpCount = 0;
        IsTested = IsJump = false;
        Statistic = 0;
        LastJumpTime = null;
    }

    private void Remember(DetectedJump jump)
    {
        if (_jumpCount == _jumps.Length)
        {
            // The oldest jump is forgotten: the summary's window now starts at its time.
            _testedSecondsAtEvicted = _testedSecondsAtJump[_nextJump];
        }
        else
        {
            _jumpCount++;
        }

        _jumps[_nextJump] = jump;
        _testedSecondsAtJump[_nextJump] = _testedSeconds;
        _nextJump = (_nextJump + 1) % _jumps.Length;
        JumpCount++;
    }

    private IEnumerable<DetectedJump> RememberedJumps()
    {
        var first = _jumpCount == _jumps.Length ? _nextJump : 0;
        for (var i = 0; i < _jumpCount; i++)
        {
            yield return _jumps[(first + i) % _jumps.Length];
        }
    }
}
