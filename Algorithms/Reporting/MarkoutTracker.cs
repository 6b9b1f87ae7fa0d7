using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.Reporting;

/// <summary>
/// Markouts of a market maker's fills, the standard measure of adverse selection: for a fill of side s (+1 bought on
/// the bid, −1 sold on the ask) at price p and time t, the markout at horizon h is s·(mid(t + h) − p) per unit, price
/// units (also in ticks): the fill's P&amp;L marked to the mid h later, i.e. the spread captured at the fill plus the mid
/// move in the fill's favour. Negative = adverse: the mid moved against the fill by more than the spread it earned.
/// mid(t + h) is the mid prevailing at t + h: the last one passed to <see cref="Update"/> at or before t + h (a data
/// gap or a close leaves the last mid before it in force). Averages are quantity-weighted, per horizon and side.
/// Engine-free: pending fills wait in a bounded ring buffer (the oldest is dropped and counted when it is full) and
/// are resolved as <see cref="Update"/> passes their horizons: O(horizons) per update, no allocation after construction.
/// </summary>
public sealed class MarkoutTracker
{
    private readonly TimeSpan[] _horizons;
    private readonly DateTime[] _times;
    private readonly decimal[] _quantities;
    private readonly decimal[] _prices;
    private readonly long[] _next;               // per horizon: sequence number of the first fill not yet resolved
    private readonly decimal[] _markoutTimesQuantity; // [horizon * 2 + side]
    private readonly decimal[] _quantity;
    private readonly int[] _resolved;
    private readonly double[] _weightSquares;          // Σ q² per [horizon * 2 + side]
    private readonly double[] _markoutWeightSquares;   // Σ q²·m
    private readonly double[] _squareWeightSquares;    // Σ q²·m²
    private long _tail;                            // sequence number of the next fill
    private DateTime _lastTime = DateTime.MinValue;
    private decimal _lastMid;

    /// <summary>Creates a tracker.</summary>
    /// <param name="horizons">Markout horizons, strictly positive and strictly increasing (e.g. 1 s, 10 s, 60 s).</param>
    /// <param name="tickSize">The security's tick (minimum price variation), &gt; 0, for the markouts in ticks.</param>
    /// <param name="capacity">Most fills waiting for their longest horizon (&gt; 0); beyond it the oldest is dropped.</param>
    public MarkoutTracker(IReadOnlyList<TimeSpan> horizons, decimal tickSize, int capacity = 4096)
    {
        if (horizons is null || horizons.Count == 0)
        {
            throw Guard.Invalid(nameof(horizons), "needs at least one horizon");
        }

        for (var i = 0; i < horizons.Count; i++)
        {
            Guard.Positive(horizons[i].TotalSeconds, nameof(horizons));
            if (i > 0 && horizons[i] <= horizons[i - 1])
            {
                throw Guard.Invalid(nameof(horizons), $"must be strictly increasing, got {horizons[i - 1]} then {horizons[i]}");
            }
        }

        Guard.Positive((double)tickSize, nameof(tickSize));
        Guard.Positive(capacity, nameof(capacity));
        _horizons = new TimeSpan[horizons.Count];
        for (var i = 0; i < _horizons.Length; i++)
        {
            _horizons[i] = horizons[i];
        }

        TickSize = tickSize;
        _times = new DateTime[capacity];
        _quantities = new decimal[capacity];
        _prices = new decimal[capacity];
        _next = new long[_horizons.Length];
        _markoutTimesQuantity = new decimal[_horizons.Length * 2];
        _quantity = new decimal[_horizons.Length * 2];
        _resolved = new int[_horizons.Length * 2];
        _weightSquares = new double[_horizons.Length * 2];
        _markoutWeightSquares = new double[_horizons.Length * 2];
        _squareWeightSquares = new double[_horizons.Length * 2];
    }

    /// <summary>The markout horizons, increasing.</summary>
    public IReadOnlyList<TimeSpan> Horizons => _horizons;

    /// <summary>The tick the markouts in ticks are measured in.</summary>
    public decimal TickSize { get; }

    /// <summary>Fills still waiting for their longest horizon.</summary>
    public int Pending => (int)(_tail - _next[^1]);

    /// <summary>Fills dropped unresolved because the buffer was full.</summary>
    public long Dropped { get; private set; }

    /// <summary>
    /// Records a fill at <paramref name="time"/> (a time before the last <see cref="Update"/> counts as that update's
    /// time). A zero quantity or a non-positive price is ignored.
    /// </summary>
    /// <param name="time">Fill time.</param>
    /// <param name="signedQuantity">Filled quantity, + bought (bid), − sold (ask), units of the asset.</param>
    /// <param name="fillPrice">Fill price.</param>
    public void RecordFill(DateTime time, decimal signedQuantity, decimal fillPrice)
    {
        if (signedQuantity == 0 || fillPrice <= 0)
        {
            return;
        }

        if (Pending == _times.Length)
        {
            // drop the oldest fill: every horizon still waiting for it moves past it
            var oldest = _next[^1];
            for (var h = 0; h < _next.Length; h++)
            {
                _next[h] = Math.Max(_next[h], oldest + 1);
            }

            Dropped++;
        }

        var slot = (int)(_tail % _times.Length);
        _times[slot] = time < _lastTime ? _lastTime : time;
        _quantities[slot] = signedQuantity;
        _prices[slot] = fillPrice;
        _tail++;
    }

    /// <summary>
    /// Passes the mid at <paramref name="time"/>: every pending fill whose horizon t + h has come is resolved with the
    /// mid prevailing at t + h. A non-positive mid or a time before the last update is ignored.
    /// </summary>
    public void Update(DateTime time, decimal mid)
    {
        if (mid <= 0 || time < _lastTime)
        {
            return;
        }

        for (var h = 0; h < _horizons.Length; h++)
        {
            while (_next[h] < _tail)
            {
                var slot = (int)(_next[h] % _times.Length);
                var due = _times[slot] + _horizons[h];
                if (due > time)
                {
                    break;
                }

                // due == time: this mid; due < time: the last mid before this update (observed before t + h), or this
                // one if none was seen yet
                Resolve(h, slot, due == time || _lastMid == 0 ? mid : _lastMid);
                _next[h]++;
            }
        }

        _lastTime = time;
        _lastMid = mid;
    }

    /// <summary>Quantity-weighted average markout at horizon <paramref name="horizon"/> (index into <see cref="Horizons"/>) of <paramref name="side"/>'s fills, price units per unit; 0 before any.</summary>
    public decimal Average(int horizon, FillSide side)
    {
        var i = Index(horizon, side);
        return _quantity[i] == 0 ? 0m : _markoutTimesQuantity[i] / _quantity[i];
    }

    /// <summary><see cref="Average"/> in ticks of <see cref="TickSize"/>.</summary>
    public decimal AverageTicks(int horizon, FillSide side) => Average(horizon, side) / TickSize;

    /// <summary>
    /// Standard error of <see cref="Average"/>, price units, treating the fills as independent: for weights qᵢ (the
    /// quantities) and markouts mᵢ, SE² = Σqᵢ²(mᵢ − m̄)²/(Σqᵢ)². Fills closer together than the horizon share mid moves,
    /// so for long horizons this understates the error. 0 before two fills.
    /// </summary>
    public double StandardError(int horizon, FillSide side)
    {
        var i = Index(horizon, side);
        if (_resolved[i] < 2)
        {
            return 0;
        }

        var mean = (double)Average(horizon, side);
        var total = (double)_quantity[i];
        var variance = (_squareWeightSquares[i] - 2 * mean * _markoutWeightSquares[i] + mean * mean * _weightSquares[i]) / (total * total);
        return Math.Sqrt(Math.Max(variance, 0));
    }

    /// <summary><see cref="StandardError"/> in ticks of <see cref="TickSize"/>.</summary>
    public double StandardErrorTicks(int horizon, FillSide side) => StandardError(horizon, side) / (double)TickSize;

    /// <summary>Number of <paramref name="side"/>'s fills resolved at horizon <paramref name="horizon"/>.</summary>
    public int Resolved(int horizon, FillSide side) => _resolved[Index(horizon, side)];

    private void Resolve(int horizon, int slot, decimal mid)
    {
        var quantity = _quantities[slot];
        var i = Index(horizon, quantity > 0 ? FillSide.Bid : FillSide.Ask);
        var size = Math.Abs(quantity);
        var markout = Math.Sign(quantity) * (mid - _prices[slot]);
        _markoutTimesQuantity[i] += markout * size;
        _quantity[i] += size;
        _resolved[i]++;
        var weightSquare = (double)size * (double)size;
        _weightSquares[i] += weightSquare;
        _markoutWeightSquares[i] += weightSquare * (double)markout;
        _squareWeightSquares[i] += weightSquare * (double)markout * (double)markout;
    }

    private int Index(int horizon, FillSide side)
    {
        if ((uint)horizon >= (uint)_horizons.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon));
        }

        return (horizon * 2) + (side == FillSide.Bid ? 0 : 1);
    }
}
