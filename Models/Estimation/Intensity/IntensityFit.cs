using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Intensity;

/// <summary>
/// One side's fitted execution intensity λ(δ) = A·e^(−kδ) (Avellaneda &amp; Stoikov 2008, "High-frequency trading in a
/// limit order book", Quantitative Finance 8, section on the trading intensity; Guéant, Lehalle &amp; Fernandez-Tapia 2013,
/// "Dealing with the inventory risk", Mathematics and Financial Economics 7), with the
/// measured points it was fitted to.
/// </summary>
public sealed class IntensityFit
{
    private readonly double _unconstrainedK = double.NaN;

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

    /// <summary>For <see cref="FromExposure"/>: k before the constraint k ≥ 0 (equal to <see cref="K"/> unless negative); otherwise <see cref="K"/>.</summary>
    public double UnconstrainedK
    {
        get => double.IsNaN(_unconstrainedK) ? K : _unconstrainedK;
        private init => _unconstrainedK = value;
    }

    /// <summary>Coefficient of determination of the fit of ln λ on δ.</summary>
    public double RSquared { get; }

    /// <summary>Grid depths used in the fit (price units).</summary>
    public IReadOnlyList<double> Depths { get; }

    /// <summary>Measured intensities at <see cref="Depths"/> (per second).</summary>
    public IReadOnlyList<double> Rates { get; }

    /// <summary>
    /// Maximum-likelihood fit of λ(δ) = A·e^(−kδ) to fill counts observed with known exposure: the fills at depth δⱼ
    /// are Poisson with mean Eⱼ·λ(δⱼ) (Eⱼ = seconds a quote rested at δⱼ), i.e. a Poisson regression with log link and
    /// offset ln Eⱼ (McCullagh &amp; Nelder (1989), <i>Generalized Linear Models</i>, 2nd ed., §6.2), solved by Newton's
    /// method on (ln A, −k) from the pooled rate, step-halving when the log-likelihood would fall. Unlike a least-squares
    /// line through ln(Nⱼ/Eⱼ) it uses the depths without fills and weighs each depth by its information. The fit's
    /// <see cref="Rates"/> are Nⱼ/Eⱼ and <see cref="RSquared"/> that of ln(Nⱼ/Eⱼ) on the fitted line, over depths with fills.
    /// k is constrained to k ≥ 0: when the fill rate does not fall with depth the maximum is k = 0, A = ΣNⱼ/ΣEⱼ
    /// (<see cref="UnconstrainedK"/> keeps the unconstrained value).
    /// </summary>
    /// <param name="depths">δⱼ, price units (finite, ≥ 0), at least two distinct.</param>
    /// <param name="fills">Nⱼ ≥ 0, at least one &gt; 0.</param>
    /// <param name="exposureSeconds">Eⱼ ≥ 0 seconds; a depth without exposure is skipped.</param>
    /// <exception cref="MarketMakingException">Bad input.</exception>
    public static IntensityFit FromExposure(IReadOnlyList<double> depths, IReadOnlyList<double> fills, IReadOnlyList<double> exposureSeconds)
    {
        if (depths is null || fills is null || exposureSeconds is null || depths.Count != fills.Count || depths.Count != exposureSeconds.Count)
        {
            throw Guard.Invalid(nameof(depths), "depths, fills and exposures must have the same length");
        }

        var x = new List<double>();
        var n = new List<double>();
        var e = new List<double>();
        for (var j = 0; j < depths.Count; j++)
        {
            Guard.NonNegative(depths[j], nameof(depths));
            Guard.NonNegative(fills[j], nameof(fills));
            if (Guard.NonNegative(exposureSeconds[j], nameof(exposureSeconds)) > 0)
            {
                x.Add(depths[j]);
                n.Add(fills[j]);
                e.Add(exposureSeconds[j]);
            }
        }

        double totalFills = 0, totalExposure = 0;
        for (var j = 0; j < x.Count; j++)
        {
            totalFills += n[j];
            totalExposure += e[j];
        }

        if (!(totalFills > 0) || x.Distinct().Count() < 2)
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData,
                $"needs fills and at least two depths with exposure, got {totalFills} fills at {x.Distinct().Count()} depth(s)", nameof(fills));
        }

        // β = (ln A, −k); Newton on the concave Poisson log-likelihood ℓ(β) = Σ Nⱼ(β₀ + β₁δⱼ) − Eⱼe^(β₀+β₁δⱼ)
        double b0 = Math.Log(totalFills / totalExposure), b1 = 0;
        var logLikelihood = LogLikelihood(x, n, e, b0, b1);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            double u0 = 0, u1 = 0, i00 = 0, i01 = 0, i11 = 0;
            for (var j = 0; j < x.Count; j++)
            {
                var mean = e[j] * Math.Exp(b0 + b1 * x[j]);
                u0 += n[j] - mean;
                u1 += x[j] * (n[j] - mean);
                i00 += mean;
                i01 += x[j] * mean;
                i11 += x[j] * x[j] * mean;
            }

            var determinant = i00 * i11 - i01 * i01;
            var d0 = (i11 * u0 - i01 * u1) / determinant;
            var d1 = (i00 * u1 - i01 * u0) / determinant;
            var step = 1.0;
            var next = LogLikelihood(x, n, e, b0 + d0, b1 + d1);
            while (!(next >= logLikelihood) && step > 1e-12)
            {
                step /= 2;
                next = LogLikelihood(x, n, e, b0 + step * d0, b1 + step * d1);
            }

            b0 += step * d0;
            b1 += step * d1;
            logLikelihood = next;
            if (Math.Abs(step * d0) < 1e-12 && Math.Abs(step * d1) < 1e-12 * (1 + Math.Abs(b1)))
            {
                break;
            }
        }

        var unconstrainedK = -b1;
        if (!(b1 < 0))
        {
            // k ≥ 0 is the model's constraint: the concave likelihood's maximum over it is then on k = 0, at the pooled rate
            b1 = 0;
            b0 = Math.Log(totalFills / totalExposure);
        }

        var fitDepths = new List<double>();
        var rates = new List<double>();
        double sumSquares = 0, totalSquares = 0, meanLog = 0;
        for (var j = 0; j < x.Count; j++)
        {
            if (n[j] > 0)
            {
                fitDepths.Add(x[j]);
                rates.Add(n[j] / e[j]);
                meanLog += Math.Log(n[j] / e[j]);
            }
        }

        meanLog /= rates.Count;
        for (var j = 0; j < rates.Count; j++)
        {
            var residual = Math.Log(rates[j]) - (b0 + b1 * fitDepths[j]);
            sumSquares += residual * residual;
            totalSquares += (Math.Log(rates[j]) - meanLog) * (Math.Log(rates[j]) - meanLog);
        }

        return new IntensityFit(Math.Exp(b0), 0.0 - b1, totalSquares > 0 ? 1 - sumSquares / totalSquares : 1.0, fitDepths.ToArray(), rates.ToArray())
        {
            UnconstrainedK = unconstrainedK,
        };
    }

    private static double LogLikelihood(List<double> x, List<double> n, List<double> e, double b0, double b1)
    {
        var sum = 0.0;
        for (var j = 0; j < x.Count; j++)
        {
            var eta = b0 + b1 * x[j];
            sum += n[j] * eta - e[j] * Math.Exp(eta);
        }

        return sum;
    }

    /// <summary>λ(δ) = A·e^(−kδ), fills per second at depth <paramref name="depth"/> (price units).</summary>
    public double Intensity(double depth) => A * Math.Exp(-K * depth);
}
