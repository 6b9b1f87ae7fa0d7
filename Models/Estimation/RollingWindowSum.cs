using System;

namespace Lean.MarketMaking.Models.Estimation;

/// <summary>
/// A fixed-capacity first-in-first-out window of numbers with their running sum: O(1) per <see cref="Add"/>, memory
/// bounded by the capacity. The running sum is recomputed exactly once every <c>capacity</c> additions so that
/// floating-point drift from add-and-subtract cannot accumulate (amortised O(1)).
/// </summary>
internal sealed class RollingWindowSum
{
    private readonly double[] _values;
    private int _next;
    private int _sinceResum;

    /// <summary>Creates an empty window holding at most <paramref name="capacity"/> values.</summary>
    public RollingWindowSum(int capacity)
    {
        _values = new double[capacity];
    }

    /// <summary>How many values the window holds at most.</summary>
    public int Capacity => _values.Length;

    /// <summary>How many values the window holds now.</summary>
    public int Count { get; private set; }

    /// <summary>Whether the window holds <see cref="Capacity"/> values.</summary>
    public bool IsFull => Count == _values.Length;

    /// <summary>Sum of the values in the window.</summary>
    public double Sum { get; private set; }

    /// <summary>Appends <paramref name="value"/>, evicting the oldest value when full.</summary>
    public void Add(double value)
    {
        if (Count == _values.Length)
        {
            Sum -= _values[_next];
        }
        else
        {
            Count++;
        }

        _values[_next] = value;
        Sum += value;
        _next = (_next + 1) % _values.Length;
        if (++_sinceResum >= _values.Length)
        {
            Resum();
        }
    }

    /// <summary>The storage in ring-buffer order, the next slot and the re-summation counter (for a restart).</summary>
    public (double[] Values, int Next, int SinceResum) Save() => ((double[])_values.Clone(), _next, _sinceResum);

    /// <summary>Continues from a saved window of the same capacity: later sums are bit-identical to the saved window's.</summary>
    public void Restore(ReadOnlySpan<double> values, int next, int count, int sinceResum, double sum)
    {
        values.CopyTo(_values);
        _next = next;
        Count = count;
        _sinceResum = sinceResum;
        Sum = sum;
    }

    private void Resum()
    {
        var s = 0.0;
        for (var i = 0; i < Count; i++)
        {
            s += _values[i];
        }

        Sum = s;
        _sinceResum = 0;
    }
}
