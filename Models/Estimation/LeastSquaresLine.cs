using System;
using System.Collections.Generic;
using MathNet.Numerics;

namespace Lean.MarketMaking.Models.Estimation;

/// <summary>Ordinary least-squares line y = a + b·x shared by the estimators that fit a log-linear law.</summary>
internal static class LeastSquaresLine
{
    /// <summary>
    /// Fits y = intercept + slope·x with MathNet's <see cref="Fit.Line"/> and returns the coefficient of determination.
    /// When every y is equal the line is exact (slope 0) and R² is taken as 1, where 1 − SS_res/SS_tot would be 0/0.
    /// </summary>
    public static (double Intercept, double Slope, double RSquared) Fit(double[] x, double[] y)
    {
        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        var fitted = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            fitted[i] = intercept + slope * x[i];
        }

        var rSquared = GoodnessOfFit.RSquared((IEnumerable<double>)fitted, y);
        return (intercept, slope, double.IsNaN(rSquared) ? 1.0 : rSquared);
    }
}
