using System;
using Lean.MarketMaking.Models.Errors;
using QuantConnect.Data;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// Common base of the plugin's LEAN indicators: a LEAN <see cref="IndicatorBase{T}"/> that never throws out of
/// <c>Update</c>. An input that is unusable (non-positive or crossed prices, time going backwards, or rejected by the
/// underlying estimator) is skipped: the indicator's state and <see cref="WindowBase{T}.Current"/> are left unchanged and
/// <see cref="SkippedCount"/> grows, so the caller can log once. Time is measured in open-market seconds of the
/// <see cref="Clock"/> when one is given (the return across a market close is then dropped), else in calendar seconds.
/// LEAN's own base already drops inputs older than the previous input of the same symbol before they get here. The indicator's own work per update allocates nothing (LEAN's
/// base allocates its result and data point objects, as for any LEAN indicator).
/// </summary>
/// <typeparam name="T">Input type: <c>Tick</c> for tick-driven indicators, <see cref="IndicatorDataPoint"/> for price series.</typeparam>
public abstract class MarketMakingIndicator<T> : IndicatorBase<T>, IIndicatorWarmUpPeriodProvider
    where T : IBaseData
{
    private static readonly IndicatorResult Skipped = new(0m, IndicatorStatus.InvalidInput);
    private static readonly IndicatorResult NoValue = new(0m, IndicatorStatus.ValueNotReady);
    private readonly OpenMarketClock? _clock;
    private OpenMarketTimeline _timeline;

    /// <summary>Creates the indicator.</summary>
    /// <param name="name">Indicator name.</param>
    /// <param name="warmUpPeriod">Number of inputs needed before the indicator can be ready, ≥ 1.</param>
    private protected MarketMakingIndicator(string name, int warmUpPeriod)
        : base(name)
    {
        WarmUpPeriod = Guard.Positive(warmUpPeriod, nameof(warmUpPeriod));
    }

    /// <summary>
    /// The security's open-market clock (e.g. <c>new OpenMarketClock(security.Exchange.Hours)</c>; inputs are then exchange
    /// local times, as LEAN's data are): time is counted in open-market seconds and no return or duration spans a market
    /// close. Null (the default): calendar seconds, no closes, as for a market that never closes.
    /// </summary>
    public OpenMarketClock? Clock
    {
        get => _clock;
        init
        {
            _clock = value;
            _timeline = new OpenMarketTimeline(value);
        }
    }

    /// <summary>Number of inputs needed before the indicator can be ready (LEAN's <c>WarmUpIndicator</c> uses it to size the history request).</summary>
    public int WarmUpPeriod { get; }

    /// <summary>Inputs skipped as unusable since construction or the last <see cref="Reset"/>.</summary>
    public long SkippedCount { get; private set; }

    /// <summary>Time of the latest accepted input (<see cref="DateTime.MinValue"/> before any).</summary>
    public DateTime LastInputTime => _timeline.LastTime;

    /// <summary>Resets the indicator to its initial state, including <see cref="SkippedCount"/>.</summary>
    public override void Reset()
    {
        base.Reset();
        SkippedCount = 0;
        _timeline.Reset();
        ResetState();
    }

    /// <summary>LEAN entry point: runs <see cref="Observe"/> and converts its outcome into a LEAN result.</summary>
    /// <param name="input">The new input.</param>
    protected sealed override IndicatorResult ValidateAndComputeNextValue(T input)
    {
        var step = Observe(input);
        if (step.Status == StepStatus.Skipped)
        {
            return Skipped;
        }

        // decimal cannot hold NaN, ±∞ or magnitudes beyond ~7.9e28: such a value is reported as "no value".
        return step.Status == StepStatus.Value && double.IsFinite(step.Value) && Math.Abs(step.Value) < 7.9e27
            ? new IndicatorResult((decimal)step.Value)
            : NoValue;
    }

    /// <summary>Not used: <see cref="ValidateAndComputeNextValue"/> is the entry point.</summary>
    /// <param name="input">The new input.</param>
    protected sealed override decimal ComputeNextValue(T input) => ValidateAndComputeNextValue(input).Value;

    /// <summary>
    /// Checks the input's time, hands it to <see cref="Accept"/> and keeps the skip count: the allocation-free core of an
    /// update (what the tests measure).
    /// </summary>
    internal Step Observe(T input)
    {
        var time = input.EndTime;
        Step step;
        if (time < _timeline.LastTime)
        {
            step = Step.Skip;
        }
        else
        {
            var before = _timeline;
            var crossesClose = _timeline.Advance(time);
            try
            {
                step = Accept(input, _timeline.Seconds, crossesClose);
            }
            catch (MarketMakingException)
            {
                // The indicators check their inputs before the estimators do, so this is a last line of defence: the
                // estimators validate before they change state, so skipping here leaves the state as it was.
                step = Step.Skip;
            }

            if (step.Status == StepStatus.Skipped)
            {
                _timeline = before;
            }
        }

        if (step.Status == StepStatus.Skipped)
        {
            SkippedCount++;
        }

        return step;
    }

    /// <summary>
    /// The latest accepted input's time on the open-market axis (<see cref="OpenMarketTimeline.OpenMarketTime"/>); during
    /// <see cref="Accept"/>, the current input's.
    /// </summary>
    private protected DateTime OpenMarketTime => _timeline.OpenMarketTime;

    /// <summary>Updates the state with an input whose time is not before the previous accepted one.</summary>
    /// <param name="input">The input.</param>
    /// <param name="timeSeconds">Its end time in open-market seconds since the first accepted input.</param>
    /// <param name="crossesClose">Whether a market close lies between the previous accepted input and this one: the
    /// return and the duration between them are not observations.</param>
    private protected abstract Step Accept(T input, double timeSeconds, bool crossesClose);

    /// <summary>Clears the indicator's own state (called by <see cref="Reset"/>).</summary>
    private protected abstract void ResetState();

    /// <summary>Whether a decimal price is usable: strictly positive.</summary>
    private protected static bool IsPrice(decimal price) => price > 0m;
}
