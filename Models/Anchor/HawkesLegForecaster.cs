using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// One contract's Hawkes forecast of its next-window arrival ratio (arXiv:2507.05749: the forecast ratio of
/// reference-impacting events to all events over the next decision window; lower = a more stable reference). Keeps
/// the events of the trailing window (<see cref="AnchorSettings.TrailingWindowSeconds"/>, the paper's 1,000 ms), refits
/// the four-node process (<see cref="AnchorHawkesNodes"/>) on them every <see cref="AnchorSettings.RefitIntervalSeconds"/>
/// and forecasts the counts with an <see cref="IEventCountForecaster"/>. The first fit is the full maximum-likelihood
/// fit (<see cref="HawkesEstimator.Fit"/>: μ, α and the kernel decay β) on the first full trailing window; later refits
/// keep that β and re-estimate μ and α by expectation–maximisation warm-started from the previous fit
/// (<see cref="HawkesExpectationMaximisation"/>, at most <see cref="AnchorSettings.MaxRefitIterations"/> iterations of
/// one O(N·D²) pass each), so a refit's cost is bounded. A first fit that fails (too few events of a node, no
/// convergence, a non-stationary maximum) is retried at the next refit time. The excitation is summed over the
/// window's events only (older events are dropped with the window).
/// </summary>
public sealed class HawkesLegForecaster
{
    private readonly AnchorSettings _settings;
    private readonly IEventCountForecaster _forecaster;
    private readonly List<double>[] _fitTimes;
    private double[] _times = new double[1024];
    private int[] _nodes = new int[1024];
    private int _head;
    private int _count;
    private double _lastRefit = double.NegativeInfinity;
    private double _lastEvent = double.NegativeInfinity;
    private double _firstEvent = double.NaN;

    /// <summary>Creates a leg with no events and no fit.</summary>
    /// <param name="settings">Windows and refit schedule.</param>
    /// <param name="forecaster">The count forecaster this leg owns (it caches per-fit matrices).</param>
    public HawkesLegForecaster(AnchorSettings settings, IEventCountForecaster forecaster)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _forecaster = forecaster ?? throw new ArgumentNullException(nameof(forecaster));
        _fitTimes = new List<double>[AnchorHawkesNodes.Count];
        for (var i = 0; i < _fitTimes.Length; i++)
        {
            _fitTimes[i] = new List<double>();
        }
    }

    /// <summary>The current fit, or null before the first successful one.</summary>
    public HawkesParameters? Parameters { get; private set; }

    /// <summary>Refits attempted (the first fit's attempts included).</summary>
    public int Refits { get; private set; }

    /// <summary>First-fit attempts that failed (no parameters yet, retried at the next refit time).</summary>
    public int FailedRefits { get; private set; }

    /// <summary>Events currently in the trailing window.</summary>
    public int WindowEventCount => _count;

    /// <summary>Records an event of node <paramref name="node"/> at <paramref name="timeSeconds"/> (non-decreasing).</summary>
    /// <param name="node">A node of <see cref="AnchorHawkesNodes"/>.</param>
    /// <param name="timeSeconds">Event time, seconds.</param>
    /// <exception cref="MarketMakingException">InvalidMarketData for a non-finite or out-of-order time; InvalidParameters for a bad node.</exception>
    public void OnEvent(int node, double timeSeconds)
    {
        if ((uint)node >= AnchorHawkesNodes.Count)
        {
            throw Guard.Invalid(nameof(node), $"must be in [0, {AnchorHawkesNodes.Count - 1}], got {node}");
        }

        if (!double.IsFinite(timeSeconds) || timeSeconds < _lastEvent)
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"event time {timeSeconds} is not finite or is before {_lastEvent}", nameof(timeSeconds));
        }

        if (_count == _times.Length)
        {
            Grow();
        }

        var slot = (_head + _count) % _times.Length;
        _times[slot] = timeSeconds;
        _nodes[slot] = node;
        _count++;
        _lastEvent = timeSeconds;
        if (double.IsNaN(_firstEvent))
        {
            _firstEvent = timeSeconds;
        }
    }

    /// <summary>
    /// Drops events older than the trailing window before <paramref name="nowSeconds"/>, refits when due, and returns
    /// the forecast arrival ratio over (now, now + <see cref="AnchorSettings.DecisionWindowSeconds"/>]: forecast
    /// impacting events / forecast events. NaN while there is no fit.
    /// </summary>
    /// <param name="nowSeconds">Start of the decision window, seconds; only events before it are used.</param>
    public double ArrivalRatio(double nowSeconds)
    {
        Trim(nowSeconds);
        if (nowSeconds - _lastRefit >= _settings.RefitIntervalSeconds && (Parameters is not null || nowSeconds - _firstEvent >= _settings.TrailingWindowSeconds))
        {
            Refit(nowSeconds);
        }

        if (Parameters is null)
        {
            return double.NaN;
        }

        Span<double> r = stackalloc double[AnchorHawkesNodes.Count];
        Excitation(nowSeconds, Parameters.Beta, r);
        Span<double> counts = stackalloc double[AnchorHawkesNodes.Count];
        _forecaster.Forecast(r, counts);
        var impacting = counts[AnchorHawkesNodes.BidImpacting] + counts[AnchorHawkesNodes.AskImpacting];
        var all = impacting + counts[AnchorHawkesNodes.BidOther] + counts[AnchorHawkesNodes.AskOther];
        return all > 0 ? impacting / all : double.NaN;
    }

    /// <summary>Rⱼ(t) = Σ e^(−β(t − t_k)) over the window's events of each node before <paramref name="nowSeconds"/>.</summary>
    private void Excitation(double nowSeconds, double beta, Span<double> r)
    {
        r.Clear();
        for (var k = 0; k < _count; k++)
        {
            var slot = (_head + k) % _times.Length;
            var t = _times[slot];
            if (t < nowSeconds)
            {
                r[_nodes[slot]] += Math.Exp(-beta * (nowSeconds - t));
            }
        }
    }

    private void Trim(double nowSeconds)
    {
        var start = nowSeconds - _settings.TrailingWindowSeconds;
        while (_count > 0 && _times[_head] < start)
        {
            _head = (_head + 1) % _times.Length;
            _count--;
        }
    }

    /// <summary>Fits on the window [now − W, now) shifted to [0, W]; allocates the event lists and the estimator's buffers.</summary>
    private void Refit(double nowSeconds)
    {
        _lastRefit = nowSeconds;
        Refits++;
        var start = nowSeconds - _settings.TrailingWindowSeconds;
        foreach (var list in _fitTimes)
        {
            list.Clear();
        }

        for (var k = 0; k < _count; k++)
        {
            var slot = (_head + k) % _times.Length;
            if (_times[slot] < nowSeconds)
            {
                _fitTimes[_nodes[slot]].Add(_times[slot] - start);
            }
        }

        var events = new HawkesEvents(_fitTimes, _settings.TrailingWindowSeconds);
        try
        {
            Parameters = Parameters is null
                ? HawkesEstimator.Fit(events).Parameters
                : HawkesExpectationMaximisation.Refit(events, Parameters, _settings.MaxRefitIterations);
            _forecaster.Prepare(Parameters, _settings.DecisionWindowSeconds);
        }
        catch (MarketMakingException e) when (e.Kind is MarketMakingErrorKind.HawkesEstimationFailed or MarketMakingErrorKind.NumericalInstability)
        {
            FailedRefits++;
        }
    }

    private void Grow()
    {
        var times = new double[_times.Length * 2];
        var nodes = new int[_times.Length * 2];
        for (var k = 0; k < _count; k++)
        {
            var slot = (_head + k) % _times.Length;
            times[k] = _times[slot];
            nodes[k] = _nodes[slot];
        }

        _times = times;
        _nodes = nodes;
        _head = 0;
    }
}
