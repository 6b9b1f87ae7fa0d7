using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Estimation;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// One day's in-session mids, ready for the estimators. Times are seconds since <see cref="Origin"/> (midnight UTC of the
/// first day read). Multi-day series are stitched in session time: <see cref="SessionTime"/> removes the gaps between
/// days, and returns across the gap are never formed.
/// </summary>
/// <param name="Date">The file's date.</param>
/// <param name="Origin">Time zero of all the second counts, UTC.</param>
/// <param name="TickMids">Every change of the mid, tick by tick (empty for bar data).</param>
/// <param name="Samples">Mids sampled every <see cref="CalibrationRun.SampleSeconds"/> (previous tick).</param>
/// <param name="FineSamples">Mids sampled every <see cref="CalibrationRun.FineSeconds"/> for bucket variances (the bars themselves for minute bars).</param>
/// <param name="StartSeconds">Time of the day's first in-session event, seconds since <see cref="Origin"/>.</param>
/// <param name="SessionOffsetSeconds">Session seconds of all earlier days.</param>
/// <param name="PriceScale">Factor that makes this day's first sample continue the previous day's last stitched sample
/// (1 on the first day), so a stitched series has no overnight return.</param>
internal sealed record CalibrationDay(
    DateOnly Date,
    DateTime Origin,
    IReadOnlyList<PriceObservation> TickMids,
    IReadOnlyList<PriceObservation> Samples,
    IReadOnlyList<PriceObservation> FineSamples,
    double StartSeconds,
    double SessionOffsetSeconds,
    double PriceScale)
{
    /// <summary>Session time of an absolute time of this day, seconds: earlier days' session seconds plus the time since this day's first event.</summary>
    public double SessionTime(double seconds) => SessionOffsetSeconds + (seconds - StartSeconds);

    /// <summary>UTC time of a second count.</summary>
    public DateTime Utc(double seconds) => Origin.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
