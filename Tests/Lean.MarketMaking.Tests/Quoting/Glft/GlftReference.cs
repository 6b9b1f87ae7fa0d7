using System;
using Lean.MarketMaking.Models.Quoting.Glft;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Lean.MarketMaking.Tests.Quoting.Glft;

/// <summary>
/// An independent solution of the GLFT ODE system, written straight from the papers rather than from the model code:
/// h_n = ln v_n satisfies, in τ = T − t (from v̇ = Mv, GLFT 2013 Propositions 1, §5.1, §5.2, with Guéant 2017's Δ),
/// dh_n/dτ = −(α n² − kμ n) + η e^(−kξ/2)·(e^(h_{n+1} − h_n) + e^(h_{n−1} − h_n)), h_n(0) = −½kξn²,
/// integrated with classical RK4. Log form keeps the tails (10⁻³⁰ of the centre) accurate.
/// </summary>
internal static class GlftReference
{
    /// <summary>ln v at time-to-go τ; with a view, the drift at time-to-go s is μ + view·e^(−(τ − s)/h) (a drift
    /// view of size <paramref name="view"/> now, decaying with time constant <paramref name="viewDecayTime"/>).</summary>
    public static double[] LogV(GlftParameters p, int levels, double tau, int steps, double view = 0, double viewDecayTime = double.PositiveInfinity)
    {
        var size = 2 * levels + 1;
        var alpha = 0.5 * p.DepthDecay * p.RiskAversion * p.Volatility * p.Volatility * p.OrderSize;
        var x = p.Objective == GlftObjective.Cara ? p.RiskAversion * p.OrderSize / p.DepthDecay : 0.0;
        var eta = x == 0 ? p.ArrivalRate / Math.E : p.ArrivalRate * Math.Pow(1 + x, -(1 + 1 / x));
        var off = eta * Math.Exp(-0.5 * p.DepthDecay * p.AdverseSelectionPerFill);
        var diag = new double[size];
        var h = new double[size];
        for (var i = 0; i < size; i++)
        {
            double n = i - levels;
            diag[i] = alpha * n * n - p.DepthDecay * p.Drift * n;
            h[i] = -0.5 * p.DepthDecay * p.AdverseSelectionPerFill * n * n;
        }

        void Rate(double[] y, double[] dy, double s)
        {
            var viewNow = view * Math.Exp(-(tau - s) / viewDecayTime);
            for (var i = 0; i < size; i++)
            {
                var sum = 0.0;
                if (i > 0)
                {
                    sum += Math.Exp(y[i - 1] - y[i]);
                }

                if (i + 1 < size)
                {
                    sum += Math.Exp(y[i + 1] - y[i]);
                }

                dy[i] = -diag[i] + p.DepthDecay * viewNow * (i - levels) + off * sum;
            }
        }

        var dt = tau / steps;
        double[] k1 = new double[size], k2 = new double[size], k3 = new double[size], k4 = new double[size], tmp = new double[size];
        for (var s = 0; s < steps; s++)
        {
            var t0 = s * dt;
            Rate(h, k1, t0);
            for (var i = 0; i < size; i++) tmp[i] = h[i] + 0.5 * dt * k1[i];
            Rate(tmp, k2, t0 + 0.5 * dt);
            for (var i = 0; i < size; i++) tmp[i] = h[i] + 0.5 * dt * k2[i];
            Rate(tmp, k3, t0 + 0.5 * dt);
            for (var i = 0; i < size; i++) tmp[i] = h[i] + dt * k3[i];
            Rate(tmp, k4, t0 + dt);
            for (var i = 0; i < size; i++) h[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }

        return h;
    }

    /// <summary>GLFT Theorem 1 / §5.2: bid depth at lot n from ln v, with δ̃ = (1/(ξᵤΔ))ln(1+ξᵤΔ/k) (or 1/k).</summary>
    public static double BidDepth(GlftParameters p, double[] h, int levels, int n) =>
        (h[n + levels] - h[n + levels + 1]) / p.DepthDecay + RiskFreeDepth(p) + 0.5 * p.AdverseSelectionPerFill;

    /// <summary>GLFT Theorem 1 / §5.2: ask depth at lot n.</summary>
    public static double AskDepth(GlftParameters p, double[] h, int levels, int n) =>
        (h[n + levels] - h[n + levels - 1]) / p.DepthDecay + RiskFreeDepth(p) + 0.5 * p.AdverseSelectionPerFill;

    public static double RiskFreeDepth(GlftParameters p)
    {
        var x = p.Objective == GlftObjective.Cara ? p.RiskAversion * p.OrderSize / p.DepthDecay : 0.0;
        return x == 0 ? 1 / p.DepthDecay : Math.Log(1 + x) / (x * p.DepthDecay);
    }

    /// <summary>Dense eigendecomposition of the model's M (eigenvalues ascending), for gap and eigenvector checks.</summary>
    public static Evd<double> Spectrum(GlftGenerator g)
    {
        var size = g.Diagonal.Length;
        var m = Matrix<double>.Build.Dense(size, size);
        for (var i = 0; i < size; i++)
        {
            m[i, i] = g.Diagonal[i];
            if (i + 1 < size)
            {
                m[i, i + 1] = m[i + 1, i] = -g.OffDiagonal;
            }
        }

        return m.Evd(Symmetricity.Symmetric);
    }
}
