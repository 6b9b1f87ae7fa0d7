using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation;
using Lean.MarketMaking.Models.Estimation.Volatility;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Volatility;

[TestFixture]
public class VolatilityPropertyTests
{
    [Test]
    public void EstimatorsAreInvariantToTimeShiftsAndPriceScaling()
    {
        // Log-return estimators see only ln(cPᵢ) − ln(cPᵢ₋₁) and time differences; the only change is rounding of
        // ln(c·P) (relative 1e-9 is ~10⁶ ulps of slack, far below any modelling effect).
        Prop.ForAll(TickGen.Cases(10, 300), c =>
        {
            var ticks = TickGen.Series(c.Seed, c.Count);
            var moved = TickGen.Transform(ticks, c.Shift, c.Scale);
            var k = Math.Max(2, (c.Count - 1) / 5);
            return TickGen.Close(RealisedVariance.Estimate(ticks).VariancePerSecond, RealisedVariance.Estimate(moved).VariancePerSecond)
                && TickGen.Close(BipowerVariation.Estimate(ticks).VariancePerSecond, BipowerVariation.Estimate(moved).VariancePerSecond)
                && SameTwoScale(ticks, moved, k);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Both TSRV estimates agree, or both are rejected as negative (small noiseless samples can give TSRV &lt; 0).</summary>
    private static bool SameTwoScale(PriceObservation[] a, PriceObservation[] b, int k)
    {
        static double? Tsrv(PriceObservation[] ticks, int k)
        {
            try
            {
                return TwoScaleRealisedVariance.Estimate(ticks, k).Variance.IntegratedVariance;
            }
            catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.NumericalInstability)
            {
                return null;
            }
        }

        var (x, y) = (Tsrv(a, k), Tsrv(b, k));
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        // TSRV is a difference of two noise-dominated sums, so it loses a few more digits than RV.
        return TickGen.Close(x.Value, y.Value, 1e-6);
    }

    [Test]
    public void RealisedVarianceIsAdditiveAndBipowerAddsTheStraddlingProduct()
    {
        // Splitting the window at observation m: RV(0..n) = RV(0..m) + RV(m..n) exactly, and BV(0..n) = BV(0..m) + BV(m..n)
        // + μ₁⁻²|r_m||r_{m+1}| (the one adjacent pair that straddles the cut). Catches any off-by-one in the sums.
        var cases = (from seed in Gen.Choose(0, 1_000_000)
                     from count in Gen.Choose(6, 300)
                     from cut in Gen.Choose(2, 1_000)
                     select (seed, count, cut)).ToArbitrary();
        Prop.ForAll(cases, c =>
        {
            var ticks = TickGen.Series(c.seed, c.count);
            var m = 2 + c.cut % (c.count - 4); // both parts keep at least three observations
            var left = ticks.AsSpan(0, m + 1);
            var right = ticks.AsSpan(m);
            var rm = Math.Log(ticks[m].Price / ticks[m - 1].Price);
            var rm1 = Math.Log(ticks[m + 1].Price / ticks[m].Price);
            var straddle = Math.Abs(rm) * Math.Abs(rm1) / (BipowerVariation.Mu1 * BipowerVariation.Mu1);
            return TickGen.Close(
                       RealisedVariance.Estimate(ticks).IntegratedVariance,
                       RealisedVariance.Estimate(left).IntegratedVariance + RealisedVariance.Estimate(right).IntegratedVariance)
                && TickGen.Close(
                       BipowerVariation.Estimate(ticks).IntegratedVariance,
                       BipowerVariation.Estimate(left).IntegratedVariance + BipowerVariation.Estimate(right).IntegratedVariance + straddle);
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void RollingEstimatorEqualsBatchOnTheLastWindow()
    {
        var cases = (from seed in Gen.Choose(0, 1_000_000)
                     from window in Gen.Choose(2, 60)
                     from extra in Gen.Choose(0, 400)
                     select (seed, window, extra)).ToArbitrary();
        Prop.ForAll(cases, c =>
        {
            var ticks = TickGen.Series(c.seed, c.window + 1 + c.extra);
            var rolling = new RollingRealisedVariance(c.window);
            foreach (var t in ticks)
            {
                rolling.Update(t.TimeSeconds, t.Price);
            }

            var last = ticks.AsSpan(ticks.Length - c.window - 1);
            var rv = RealisedVariance.Estimate(last);
            var bv = BipowerVariation.Estimate(last);
            return rolling.IsReady
                && TickGen.Close(rolling.RealisedVariance.VariancePerSecond, rv.VariancePerSecond)
                && TickGen.Close(rolling.BipowerVariation.IntegratedVariance, bv.IntegratedVariance)
                && TickGen.Close(rolling.RealisedVariance.ElapsedSeconds, rv.ElapsedSeconds);
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void OnlineEwmaEqualsTheWeightedSumItDefines()
    {
        Prop.ForAll(TickGen.Cases(2, 300), c =>
        {
            var ticks = TickGen.Series(c.Seed, c.Count);
            var halfLife = c.Scale * 10;
            var ewma = new EwmaVarianceEstimator(halfLife);
            foreach (var t in ticks)
            {
                ewma.Update(t.TimeSeconds, t.Price);
            }

            // Batch definition: σ̂² = Σ wᵢrᵢ² / Σ wᵢΔtᵢ with wᵢ = 2^(−(t_last − tᵢ)/h).
            double num = 0, den = 0;
            var tLast = ticks[^1].TimeSeconds;
            for (var i = 1; i < ticks.Length; i++)
            {
                var w = Math.Pow(2, -(tLast - ticks[i].TimeSeconds) / halfLife);
                var r = Math.Log(ticks[i].Price / ticks[i - 1].Price);
                num += w * r * r;
                den += w * (ticks[i].TimeSeconds - ticks[i - 1].TimeSeconds);
            }

            return TickGen.Close(ewma.VariancePerSecond, num / den, 1e-9);
        }).QuickCheckThrowOnFailure();
    }
}
