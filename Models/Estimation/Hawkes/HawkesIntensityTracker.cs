using System;
using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// Live Hawkes intensity for an indicator: keeps the decayed excitation Rⱼ(t) = Σ_{t_k^j ≤ t} e^(−β(t − t_k^j)) of each
/// type, so an event costs one exponential and O(D) updates, and an intensity query O(D), whatever the history length
/// (the recursion of <see cref="HawkesLikelihood"/>). Allocation-free after construction; not thread-safe.
/// </summary>
public sealed class HawkesIntensityTracker
{
    private readonly double[] _mu;
    private readonly double[] _alpha;
    private readonly double[] _excitation;
    private readonly double _beta;
    private readonly int _dimension;

    /// <summary>Creates a tracker with no events seen, at time <paramref name="startTime"/>.</summary>
    /// <param name="parameters">The process.</param>
    /// <param name="startTime">Time of the first allowed event, time units.</param>
    public HawkesIntensityTracker(HawkesParameters parameters, double startTime = 0.0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _dimension = parameters.Dimension;
        _mu = parameters.Mu.AsSpan().ToArray();
        _alpha = parameters.AlphaSpan.ToArray();
        _beta = parameters.Beta;
        _excitation = new double[_dimension];
        LastTime = Guard.Finite(startTime, nameof(startTime));
    }

    /// <summary>Time of the latest event (or the start time), time units.</summary>
    public double LastTime { get; private set; }

    /// <summary>Records an event of type <paramref name="type"/> at <paramref name="time"/>.</summary>
    /// <param name="type">Event type, 0 … D−1.</param>
    /// <param name="time">Event time, time units, ≥ <see cref="LastTime"/>.</param>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidMarketData"/> for a non-finite or out-of-order time,
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> for an unknown type; the state is unchanged.
    /// </exception>
    public void OnEvent(int type, double time)
    {
        CheckType(type);
        var decay = DecayTo(time);
        var r = _excitation;
        for (var j = 0; j < r.Length; j++)
        {
            r[j] *= decay;
        }

        r[type] += 1.0;
        LastTime = time;
    }

    /// <summary>
    /// Intensity λᵢ(t) of type <paramref name="type"/> at <paramref name="time"/>, events per time unit, counting every
    /// event recorded so far (so at the time of a recorded event it is the right limit λᵢ(t+)). Query before
    /// <see cref="OnEvent"/> to get the left limit that the likelihood uses.
    /// </summary>
    /// <param name="type">Event type, 0 … D−1.</param>
    /// <param name="time">Query time, time units, ≥ <see cref="LastTime"/>.</param>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> for a non-finite or past time.</exception>
    public double Intensity(int type, double time)
    {
        CheckType(type);
        var decay = DecayTo(time);
        var excitation = 0.0;
        var row = _alpha.AsSpan(type * _dimension, _dimension);
        for (var j = 0; j < row.Length; j++)
        {
            excitation += row[j] * _excitation[j];
        }

        return _mu[type] + (_beta * decay * excitation);
    }

    /// <summary>The excitation and the last event time, to save for a restart (allocates).</summary>
    public HawkesTrackerState Save() => new(ImmutableArray.Create(_excitation), LastTime);

    /// <summary>
    /// Continues from a saved state of the same dimension: every later intensity is bit-identical to the saving
    /// tracker's (with the same parameters). Events must not be before <see cref="HawkesTrackerState.LastTime"/>.
    /// </summary>
    /// <exception cref="MarketMakingException">InvalidParameters for another dimension (nothing is changed).</exception>
    public void Restore(HawkesTrackerState state)
    {
        if (state is null || state.Excitation.Length != _dimension)
        {
            throw Guard.Invalid(nameof(state), state is null
                ? "must not be null"
                : $"has {state.Excitation.Length} event types, this tracker {_dimension}");
        }

        state.Excitation.CopyTo(_excitation);
        LastTime = state.LastTime;
    }

    private double DecayTo(double time)
    {
        if (!(time >= LastTime) || double.IsPositiveInfinity(time))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.InvalidMarketData,
                $"time {time} is not finite or is before the last event time {LastTime}",
                nameof(time));
        }

        return Math.Exp(-_beta * (time - LastTime));
    }

    private void CheckType(int type)
    {
        if ((uint)type >= (uint)_dimension)
        {
            throw Guard.Invalid(nameof(type), $"must be in [0, {_dimension - 1}], got {type}");
        }
    }
}
