using System;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

namespace Lean.MarketMaking.Tests.Quoting.CarteaJaimungal;

/// <summary>
/// Independent reference for the value function: the feedback form of the HJB (CJP 2015 §10.2, with the drift, jump and
/// market-order-impact terms written out from primitive parameters) integrated backward from h(T, q) = −αq² with
/// classical RK4 on a fine grid. It never builds the matrix 𝐀.
/// </summary>
internal static class HjbReference
{
    /// <summary>h(T − τ, q) for q = q̄ … −q̄ (index i ↔ q = q̄ − i).</summary>
    /// <remarks>With a view, the drift at time-to-go s adds view·e^(−(τ − s)/h) (a drift view now, decaying with time
    /// constant <paramref name="viewDecayTime"/> as the horizon approaches).</remarks>
    public static double[] Solve(
        CarteaJaimungalParameters p, MidPriceJumpParameters j, double signalDrift, double tau, int steps,
        double view = 0, double viewDecayTime = double.PositiveInfinity, double excessJumpIntensity = 0, double jumpRelaxationRate = 1)
    {
        var n = (2 * p.MaxInventory) + 1;
        var g = new double[n];
        for (var i = 0; i < n; i++)
        {
            double q = p.MaxInventory - i;
            g[i] = -p.TerminalPenalty * q * q;
        }

        var k1 = new double[n];
        var k2 = new double[n];
        var k3 = new double[n];
        var k4 = new double[n];
        var tmp = new double[n];
        var dt = tau / steps;
        double Drift(double s) => view == 0 ? signalDrift : signalDrift + view * Math.Exp(-(tau - s) / viewDecayTime);

        // the mean jump-intensity path: λ_J + excess now (s = τ), relaxing towards λ_J into the future (s → 0)
        double Intensity(double s) => j.JumpIntensity + (excessJumpIntensity * Math.Exp(-jumpRelaxationRate * (tau - s)));
        for (var s = 0; s < steps; s++)
        {
            var t0 = s * dt;
            Rhs(p, j, Drift(t0), g, k1, Intensity(t0));
            Stage(g, k1, 0.5 * dt, tmp);
            Rhs(p, j, Drift(t0 + 0.5 * dt), tmp, k2, Intensity(t0 + 0.5 * dt));
            Stage(g, k2, 0.5 * dt, tmp);
            Rhs(p, j, Drift(t0 + 0.5 * dt), tmp, k3, Intensity(t0 + 0.5 * dt));
            Stage(g, k3, dt, tmp);
            Rhs(p, j, Drift(t0 + dt), tmp, k4, Intensity(t0 + dt));
            for (var i = 0; i < n; i++)
            {
                g[i] += dt / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
            }
        }

        return g;
    }

    /// <summary>
    /// dh/dτ = F(h): F_q = μ_tot q − φ_eff q² + (λ⁺/κ)e^(−1)e^(κ(h(q−1) − h(q) − ρε⁺)) 1{q&gt;−q̄}
    /// + (λ⁻/κ)e^(−1)e^(κ(h(q+1) − h(q) − ρε⁻)) 1{q&lt;q̄}, i.e. the HJB with the optimal depths substituted.
    /// </summary>
    public static void Rhs(CarteaJaimungalParameters p, MidPriceJumpParameters j, double signalDrift, double[] h, double[] f, double jumpIntensity = double.NaN)
    {
        var lambdaJ = double.IsNaN(jumpIntensity) ? j.JumpIntensity : jumpIntensity;
        var kappa = p.FillDecay;
        var rho = j.MarketOrderJumpProbability;
        var meanJump = (j.UpwardJumpProbability / j.UpwardJumpRate) - ((1 - j.UpwardJumpProbability) / j.DownwardJumpRate);
        var secondMoment = (2 * j.UpwardJumpProbability / Math.Pow(j.UpwardJumpRate, 2))
                           + (2 * (1 - j.UpwardJumpProbability) / Math.Pow(j.DownwardJumpRate, 2));
        var mu = signalDrift + (lambdaJ * meanJump)
                 + (rho * ((p.BuyOrderRate * j.BuyOrderJumpSize) - (p.SellOrderRate * j.SellOrderJumpSize)));
        var phi = p.RunningPenalty + (0.5 * j.JumpRiskAversion * lambdaJ * secondMoment);
        var n = h.Length;
        for (var i = 0; i < n; i++)
        {
            double q = p.MaxInventory - i;
            var v = (mu * q) - (phi * q * q);
            if (i + 1 < n)
            {
                v += p.BuyOrderRate / kappa * Math.Exp(-1 + (kappa * (h[i + 1] - h[i] - (rho * j.BuyOrderJumpSize))));
            }

            if (i > 0)
            {
                v += p.SellOrderRate / kappa * Math.Exp(-1 + (kappa * (h[i - 1] - h[i] - (rho * j.SellOrderJumpSize))));
            }

            f[i] = v;
        }
    }

    private static void Stage(double[] g, double[] k, double step, double[] destination)
    {
        for (var i = 0; i < g.Length; i++)
        {
            destination[i] = g[i] + (step * k[i]);
        }
    }
}
