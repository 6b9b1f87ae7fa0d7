using System;
using System.Collections.Generic;

namespace Lean.MarketMaking.Models.Estimation.Intensity;

/// <summary>
/// One side's fitted execution intensity λ(δ) = A·e^(−kδ) (Avellaneda &amp; Stoikov 2008, "High-frequency trading in a
/// limit order book", Quantitative Finance 8, section on the trading intensity; Guéant, Lehalle &amp; Fernandez-Tapia 2013,
/// "Dealing with the inventory risk", Mathematics and Financial Economics 7), with the
/// measured points it was fitted to.
/// </summary>
public sealed class IntensityFit
{
    internal IntensityFit(double a, double k, double rSquared, double[] depths, double[] rates)
    {
        A = a;
        K = k;
        RSquared = rSquared;
        Depths = depths;
        Rates = rates;
    }

    /// <summary>Intensity at zero depth A, fills per second.</summary>
    public double A { get; }

    /// <summary>Decay k of the intensity with depth, per price unit.</summary>
    public double K { get; }

    /// <summary>Coefficient of determination of the fit of ln λ on δ.</summary>
    public double RSquared { get; }

    /// <summary>Grid depths used in the fit (price units).</summary>
    public IReadOnlyList<double> Depths { get; }

    /// <summary>Measured intensities at <see cref="Depths"/> (per second).</summary>
    public IReadOnlyList<double> Rates { get; }

    /// <summary>λ(δ) = A·e^(−kδ), fills per second at depth <paramref name="depth"/> (price units).</summary>
    public double Intensity(double depth) => A * Math.Exp(-K * depth);
}
