using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>N observations of dimension d, row-major, validated finite.</summary>
internal sealed class ObservationMatrix
{
    private ObservationMatrix(double[] values, int count, int dimension)
    {
        Values = values;
        Count = count;
        Dimension = dimension;
    }

    /// <summary>Row-major N×d values.</summary>
    public double[] Values { get; }

    /// <summary>N.</summary>
    public int Count { get; }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>Observation <paramref name="t"/>.</summary>
    public ReadOnlySpan<double> Row(int t) => Values.AsSpan(t * Dimension, Dimension);

    /// <summary>A univariate series.</summary>
    public static ObservationMatrix Univariate(ReadOnlySpan<double> observations)
    {
        if (observations.IsEmpty)
        {
            throw Guard.Invalid(nameof(observations), "must not be empty");
        }

        Guard.AllFinite(observations, nameof(observations));
        return new ObservationMatrix(observations.ToArray(), observations.Length, 1);
    }

    /// <summary>An N×d matrix, one observation per row.</summary>
    public static ObservationMatrix Multivariate(double[,] observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var n = observations.GetLength(0);
        var d = observations.GetLength(1);
        if (n == 0 || d == 0)
        {
            throw Guard.Invalid(nameof(observations), $"must be a non-empty N x d matrix, got {n}x{d}");
        }

        var values = new double[n * d];
        for (var t = 0; t < n; t++)
        {
            for (var i = 0; i < d; i++)
            {
                values[t * d + i] = Guard.Finite(observations[t, i], $"{nameof(observations)}[{t},{i}]");
            }
        }

        return new ObservationMatrix(values, n, d);
    }

    /// <summary>Writes ℓₜⱼ = ln N(xₜ; μⱼ, Σⱼ) to <paramref name="destination"/> (row-major N×K); allocation-free.</summary>
    public void EmissionLogLikelihoods(GaussianEmission[] emissions, Span<double> destination, Span<double> scratch)
    {
        var k = emissions.Length;
        if (emissions[0].Dimension != Dimension)
        {
            throw Guard.Invalid("observations", $"have dimension {Dimension}, the model expects {emissions[0].Dimension}");
        }

        for (var t = 0; t < Count; t++)
        {
            var x = Row(t);
            var row = t * k;
            for (var j = 0; j < k; j++)
            {
                destination[row + j] = emissions[j].LogDensity(x, scratch);
            }
        }
    }
}
