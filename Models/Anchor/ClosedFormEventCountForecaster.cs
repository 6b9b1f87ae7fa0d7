using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The conditional expectation E[N(t, t+h] | history] of each node's count for an exponential-kernel Hawkes process,
/// in closed form. With the excitation part of the intensities xᵢ = β·Σⱼ αᵢⱼRⱼ, its mean m(s) = E[x(t+s)] solves
/// m′ = β(α − I)m + βαμ and the mean counts C(s) solve C′ = μ + m, a linear system in y = (m, C, 1):
/// y(h) = exp(G·h)·y(0), G = [[β(α − I), 0, βαμ], [I, 0, μ], [0, 0, 0]] (Bacry, Mastromatteo &amp; Muzy 2015,
/// "Hawkes processes in finance", the first-moment equation of the linear Hawkes process). Stationarity is not needed.
/// exp(G·h) is computed once per <see cref="Prepare"/>; a forecast is then one (2D+1)×D product, allocation-free.
/// This replaces the paper's (arXiv:2507.05749) Ogata-thinning forward simulation by the limit of its Monte Carlo
/// mean: the ratio of expected counts, not the mean of simulated ratios.
/// </summary>
public sealed class ClosedFormEventCountForecaster : IEventCountForecaster
{
    private double[] _countFromExcitation = Array.Empty<double>();
    private double[] _countConstant = Array.Empty<double>();
    private double[] _alpha = Array.Empty<double>();
    private double _beta;
    private int _dimension;

    /// <inheritdoc />
    public void Prepare(HawkesParameters parameters, double horizonSeconds)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.Positive(horizonSeconds, nameof(horizonSeconds));
        var d = parameters.Dimension;
        var n = (2 * d) + 1;
        var g = new double[n, n];
        var h = horizonSeconds;
        for (var i = 0; i < d; i++)
        {
            var drive = 0.0;
            for (var j = 0; j < d; j++)
            {
                g[i, j] = h * parameters.Beta * (parameters.Alpha(i, j) - (i == j ? 1.0 : 0.0));
                drive += parameters.Alpha(i, j) * parameters.Mu[j];
            }

            g[i, n - 1] = h * parameters.Beta * drive;
            g[d + i, i] = h;
            g[d + i, n - 1] = h * parameters.Mu[i];
        }

        var e = MatrixExponential.Of(g);
        _dimension = d;
        _beta = parameters.Beta;
        _alpha = parameters.AlphaSpan.ToArray();
        _countFromExcitation = new double[d * d];
        _countConstant = new double[d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                _countFromExcitation[(i * d) + j] = e[d + i, j];
            }

            _countConstant[i] = e[d + i, n - 1];
        }
    }

    /// <inheritdoc />
    public void Forecast(ReadOnlySpan<double> excitation, Span<double> expectedCounts)
    {
        var d = _dimension;
        if (d == 0)
        {
            throw new InvalidOperationException("Prepare must be called before Forecast");
        }

        // m(0)ᵢ = β Σⱼ αᵢⱼ Rⱼ, then C(h) = E_{C,m}·m(0) + E_{C,1}.
        Span<double> m = stackalloc double[d];
        for (var i = 0; i < d; i++)
        {
            var x = 0.0;
            for (var j = 0; j < d; j++)
            {
                x += _alpha[(i * d) + j] * excitation[j];
            }

            m[i] = _beta * x;
        }

        for (var i = 0; i < d; i++)
        {
            var c = _countConstant[i];
            for (var j = 0; j < d; j++)
            {
                c += _countFromExcitation[(i * d) + j] * m[j];
            }

            expectedCounts[i] = c;
        }
    }
}
