using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Microstructure;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// The state a stress scenario shocks and a quoting model is rebuilt from, per asset i of a book of n: mid (price
/// units), inventory (units of the asset), volatility σᵢ (price units per √second), the correlation matrix of the mid
/// increments (n×n, unit diagonal, entries in [−1, 1]; positive definiteness is the quoting model's concern), the
/// trading intensity λ(δ) = Aᵢe^(−kᵢδ) (A per second, k per price unit), the market's half-spread (price units), and
/// the square-root impact of an exit (<see cref="SquareRootImpactModel"/>: coefficient Yᵢ, volume Vᵢ over
/// <see cref="ImpactHorizonSeconds"/>, σ over that horizon = σᵢ√h). Immutable; arrays are copied in and out.
/// </summary>
public sealed class StressMarket
{
    private readonly double[] _mids, _inventory, _volatility, _intensityA, _intensityK, _halfSpread, _impactCoefficient, _impactVolume;
    private readonly double[,] _correlation;

    /// <summary>Creates a validated market state (all arrays of length n ≥ 1).</summary>
    public StressMarket(double[] mids, double[] inventory, double[] volatility, double[,] correlation, double[] intensityA,
        double[] intensityK, double[] halfSpread, double[] impactCoefficient, double[] impactVolume, double impactHorizonSeconds, double time = 0)
    {
        _mids = Vector(mids, nameof(mids), positive: true, n: mids?.Length ?? 0);
        var n = _mids.Length;
        _inventory = Vector(inventory, nameof(inventory), positive: false, n);
        _volatility = Vector(volatility, nameof(volatility), positive: true, n);
        _intensityA = Vector(intensityA, nameof(intensityA), positive: true, n);
        _intensityK = Vector(intensityK, nameof(intensityK), positive: true, n);
        _halfSpread = Vector(halfSpread, nameof(halfSpread), positive: false, n);
        _impactCoefficient = Vector(impactCoefficient, nameof(impactCoefficient), positive: true, n);
        _impactVolume = Vector(impactVolume, nameof(impactVolume), positive: true, n);
        foreach (var h in _halfSpread)
        {
            Guard.NonNegative(h, nameof(halfSpread));
        }

        if (correlation is null || correlation.GetLength(0) != n || correlation.GetLength(1) != n)
        {
            throw Guard.Invalid(nameof(correlation), $"must be {n}x{n}");
        }

        _correlation = (double[,])correlation.Clone();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var rho = _correlation[i, j];
                if (!(rho >= -1 && rho <= 1) || (i == j && rho != 1) || rho != _correlation[j, i])
                {
                    throw Guard.Invalid(nameof(correlation), $"must be symmetric with unit diagonal and entries in [-1, 1], got [{i},{j}] = {rho}");
                }
            }
        }

        ImpactHorizonSeconds = Guard.Positive(impactHorizonSeconds, nameof(impactHorizonSeconds));
        Time = Guard.Finite(time, nameof(time));
    }

    /// <summary>Number of assets n.</summary>
    public int AssetCount => _mids.Length;

    /// <summary>Mid prices.</summary>
    public ReadOnlySpan<double> Mids => _mids;

    /// <summary>Signed inventories, units of each asset.</summary>
    public ReadOnlySpan<double> Inventory => _inventory;

    /// <summary>Volatilities σᵢ, price units per √second.</summary>
    public ReadOnlySpan<double> Volatility => _volatility;

    /// <summary>Intensity scales Aᵢ, per second.</summary>
    public ReadOnlySpan<double> IntensityA => _intensityA;

    /// <summary>Intensity decays kᵢ, per price unit.</summary>
    public ReadOnlySpan<double> IntensityK => _intensityK;

    /// <summary>The market's half-spreads, price units.</summary>
    public ReadOnlySpan<double> HalfSpread => _halfSpread;

    /// <summary>Square-root impact coefficients Yᵢ (dimensionless).</summary>
    public ReadOnlySpan<double> ImpactCoefficient => _impactCoefficient;

    /// <summary>Volumes Vᵢ traded over <see cref="ImpactHorizonSeconds"/>, units of each asset.</summary>
    public ReadOnlySpan<double> ImpactVolume => _impactVolume;

    /// <summary>Reference horizon of the impact model, seconds.</summary>
    public double ImpactHorizonSeconds { get; }

    /// <summary>The quoting model's time.</summary>
    public double Time { get; }

    /// <summary>Correlation ρᵢⱼ of the mid increments.</summary>
    public double Correlation(int i, int j) => _correlation[i, j];

    /// <summary>Covariance σᵢσⱼρᵢⱼ of the mid increments, price² per second.</summary>
    public double Covariance(int i, int j) => _volatility[i] * _volatility[j] * _correlation[i, j];

    /// <summary>The covariance matrix, price² per second (a new array).</summary>
    public double[,] CovarianceMatrix()
    {
        var n = AssetCount;
        var covariance = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                covariance[i, j] = Covariance(i, j);
            }
        }

        return covariance;
    }

    /// <summary>The square-root impact model of asset <paramref name="asset"/> (σ over the impact horizon = σᵢ√h).</summary>
    public SquareRootImpactModel Impact(int asset) =>
        new(_impactCoefficient[asset], _volatility[asset] * Math.Sqrt(ImpactHorizonSeconds), _impactVolume[asset]);

    /// <summary>
    /// Cost of exiting the whole inventory now, currency: Σ |qᵢ|·(half-spreadᵢ + average square-root impact of |qᵢ|)
    /// (Tóth et al. 2011, eq. (1); average = (2/3)·I(Q)).
    /// </summary>
    public double LiquidationCost()
    {
        var cost = 0.0;
        for (var i = 0; i < AssetCount; i++)
        {
            var q = Math.Abs(_inventory[i]);
            if (q > 0)
            {
                cost += q * (_halfSpread[i] + Impact(i).AverageImpact(q));
            }
        }

        return cost;
    }

    /// <summary>A copy with the given fields replaced (null = kept).</summary>
    public StressMarket With(double[]? mids = null, double[]? volatility = null, double[,]? correlation = null, double[]? intensityA = null,
        double[]? intensityK = null, double[]? halfSpread = null, double[]? impactCoefficient = null) =>
        new(mids ?? _mids, _inventory, volatility ?? _volatility, correlation ?? _correlation, intensityA ?? _intensityA,
            intensityK ?? _intensityK, halfSpread ?? _halfSpread, impactCoefficient ?? _impactCoefficient, _impactVolume, ImpactHorizonSeconds, Time);

    private static double[] Vector(double[]? values, string name, bool positive, int n)
    {
        if (values is null || values.Length == 0 || values.Length != n)
        {
            throw Guard.Invalid(name, $"must have {Math.Max(n, 1)} entries, got {values?.Length ?? 0}");
        }

        var copy = (double[])values.Clone();
        foreach (var v in copy)
        {
            if (positive)
            {
                Guard.Positive(v, name);
            }
            else
            {
                Guard.Finite(v, name);
            }
        }

        return copy;
    }
}
