using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Intensity;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>
/// A <see cref="PassiveQuoteFillModel"/> (either rule) that also records, per exchange date and side, what the intensity
/// rule of <see cref="IntensityFill"/> would be exposed to on each <see cref="IntensityClock"/>: on a grid of depths
/// δⱼ = j·step from the mid, the exposure Eⱼ of resting orders at δⱼ (open-market seconds in steps whose opposite flow
/// reached them, the seconds clock's gate; or the number of own-side depletions at or behind them, the depletion clock),
/// and the resting fills Nⱼ there (also all resting seconds, gate open or not; fills of a crossed or marketable order are left out: both rules fill those alike).
/// With the queue rule active this calibrates the intensity rule on the queue rule's fills: A and k by the Poisson
/// maximum likelihood of <see cref="IntensityFit.FromExposure"/> (<see cref="Fit"/>), and on any day the fills the
/// intensity rule would expect over the same exposure, Σⱼ Eⱼ·A·e^(−kδⱼ) (<see cref="ExpectedFills"/>, the first order of
/// its Σ 1 − e^(−λΔt)). A depth beyond the grid is not recorded. Each date's record is created at its first step.
/// </summary>
public sealed class RestingExposureFillModel : PassiveQuoteFillModel
{
    private readonly Dictionary<DateTime, DayRecord> _days = new();
    private readonly List<DateTime> _dates = new();

    private RestingExposureFillModel(PassiveFillMode mode, IntensityFill? intensity, double depthStep, int depthLevels, PassiveFillSettings? settings)
        : base(mode, intensity, settings)
    {
        DepthStep = Guard.Positive(depthStep, nameof(depthStep));
        DepthLevels = Guard.Positive(depthLevels, nameof(depthLevels));
    }

    /// <summary>Grid step of the depths, price units (e.g. half a tick, where mids fall on half ticks).</summary>
    public double DepthStep { get; }

    /// <summary>Number of grid depths 0, step, …, (levels − 1)·step.</summary>
    public int DepthLevels { get; }

    /// <summary>The exchange dates recorded, in order.</summary>
    public IReadOnlyList<DateTime> Dates => _dates;

    /// <summary>The queue rule, recording on a grid of <paramref name="depthLevels"/> depths <paramref name="depthStep"/> apart.</summary>
    public static RestingExposureFillModel Queue(double depthStep, int depthLevels, PassiveFillSettings? settings = null) =>
        new(PassiveFillMode.QueuePosition, null, depthStep, depthLevels, settings);

    /// <summary>The intensity rule <paramref name="intensity"/>, recording on a grid of <paramref name="depthLevels"/> depths <paramref name="depthStep"/> apart.</summary>
    public static RestingExposureFillModel Intensity(IntensityFill intensity, double depthStep, int depthLevels, PassiveFillSettings? settings = null) =>
        new(PassiveFillMode.Intensity, intensity ?? throw Guard.Invalid(nameof(intensity), "is required"), depthStep, depthLevels, settings);

    /// <summary>Exposure of <paramref name="date"/>'s bids (or asks) at grid depth <paramref name="level"/> on <paramref name="clock"/>: gated seconds, or depletions.</summary>
    public double Exposure(DateTime date, bool bid, int level, IntensityClock clock = IntensityClock.MarketSeconds) =>
        _days.TryGetValue(date, out var day) ? (clock == IntensityClock.Depletions ? day.Depletions : day.Exposure)[Side(bid)][level] : 0;

    /// <summary>All resting seconds (gate open or not) of <paramref name="date"/>'s bids (or asks) at grid depth <paramref name="level"/>.</summary>
    public double RestingSeconds(DateTime date, bool bid, int level) => _days.TryGetValue(date, out var day) ? day.Resting[Side(bid)][level] : 0;

    /// <summary>Resting fills of <paramref name="date"/>'s bids (or asks) at grid depth <paramref name="level"/>.</summary>
    public double Fills(DateTime date, bool bid, int level) => _days.TryGetValue(date, out var day) ? day.Fills[Side(bid)][level] : 0;

    /// <summary>Resting fills of <paramref name="date"/>'s bids (or asks) over the grid.</summary>
    public double Fills(DateTime date, bool bid)
    {
        var total = 0.0;
        for (var j = 0; j < DepthLevels; j++)
        {
            total += Fills(date, bid, j);
        }

        return total;
    }

    /// <summary>The intensity A·e^(−kδ) on <paramref name="clock"/> fitted to both sides' resting fills of <paramref name="date"/> (<see cref="IntensityFit.FromExposure"/>).</summary>
    public IntensityFit Fit(DateTime date, IntensityClock clock = IntensityClock.MarketSeconds)
    {
        var depths = new double[DepthLevels];
        var fills = new double[DepthLevels];
        var exposure = new double[DepthLevels];
        for (var j = 0; j < DepthLevels; j++)
        {
            depths[j] = j * DepthStep;
            fills[j] = Fills(date, true, j) + Fills(date, false, j);
            exposure[j] = Exposure(date, true, j, clock) + Exposure(date, false, j, clock);
        }

        return IntensityFit.FromExposure(depths, fills, exposure);
    }

    /// <summary>Σⱼ Eⱼ·A·e^(−kδⱼ): the fills an intensity rule (<paramref name="a"/> per unit of <paramref name="clock"/>, <paramref name="k"/> per price unit) expects over <paramref name="date"/>'s exposure of the bids (or asks).</summary>
    public double ExpectedFills(DateTime date, bool bid, double a, double k, IntensityClock clock = IntensityClock.MarketSeconds)
    {
        var total = 0.0;
        for (var j = 0; j < DepthLevels; j++)
        {
            total += Exposure(date, bid, j, clock) * a * Math.Exp(-k * j * DepthStep);
        }

        return total;
    }

    /// <inheritdoc />
    protected override bool ObservesRestingSteps => true;

    /// <inheritdoc />
    protected override void OnRestingStep(Security asset, bool isBuy, double depth, double seconds, bool reached, bool depleted, decimal filled)
    {
        var level = (int)Math.Round(depth / DepthStep);
        if (level >= DepthLevels)
        {
            return;
        }

        var date = asset.LocalTime.Date;
        if (!_days.TryGetValue(date, out var day))
        {
            day = new DayRecord(DepthLevels);
            _days[date] = day;
            _dates.Add(date);
        }

        var side = Side(isBuy);
        day.Resting[side][level] += Math.Max(seconds, 0);
        if (reached)
        {
            day.Exposure[side][level] += Math.Max(seconds, 0);
        }

        if (depleted)
        {
            day.Depletions[side][level] += 1;
        }

        if (filled > 0)
        {
            day.Fills[side][level] += 1;
        }
    }

    private static int Side(bool bid) => bid ? 0 : 1;

    private sealed class DayRecord
    {
        public DayRecord(int levels)
        {
            Exposure = new[] { new double[levels], new double[levels] };
            Fills = new[] { new double[levels], new double[levels] };
            Resting = new[] { new double[levels], new double[levels] };
            Depletions = new[] { new double[levels], new double[levels] };
        }

        public double[][] Depletions { get; }

        public double[][] Resting { get; }

        public double[][] Exposure { get; }

        public double[][] Fills { get; }
    }
}
