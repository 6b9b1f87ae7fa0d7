using System;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Regimes;
using Lean.MarketMaking.Models.Estimation.Volatility;
using Lean.MarketMaking.Models.Stochastic;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation;

/// <summary>The online updates and the SDE stepping allocate nothing once constructed (a live algorithm's hot path).</summary>
[TestFixture]
public class AllocationTests
{
    [Test]
    public void OnlineEstimatorUpdatesDoNotAllocate()
    {
        var ticks = SyntheticTicks.Generate(new Random(31), 5_000, 1, 1e-8);
        var ewma = new EwmaVarianceEstimator(300);
        var rolling = new RollingRealisedVariance(500);
        var lm = new LeeMyklandDetector(new LeeMyklandParameters(100, 0.01), 390);
        void Run(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                ewma.Update(ticks[i].TimeSeconds, ticks[i].Price);
                rolling.Update(ticks[i].TimeSeconds, ticks[i].Price);
                lm.Update(ticks[i].TimeSeconds, ticks[i].Price);
            }

            _ = ewma.VariancePerSecond + rolling.RealisedVariance.VariancePerSecond + rolling.BipowerVariation.VariancePerSecond;
        }

        Run(0, 1_000); // warm-up: JIT and tiering
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(1_000, ticks.Length);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void JumpActivityAndVolatilityForecastDoNotAllocate()
    {
        var activity = new WeightedJumpActivity(3600);
        var forecast = new RegimeVolatilityForecast(new HiddenMarkovModelParameters(new[] { 0.5, 0.5 }, new[,] { { 0.99, 0.01 }, { 0.02, 0.98 } },
            new[] { GaussianEmission.Univariate(0, 0.001), GaussianEmission.Univariate(0, 0.004) }), 30);
        var probabilities = new[] { 0.3, 0.7 };
        double sink = 0;
        void Run()
        {
            for (var i = 0; i < 1_000; i++)
            {
                activity.Elapse(60);
                activity.AddJump(i % 7 == 0 ? 0.01 : i % 11 == 0 ? -0.02 : 0);
                sink += activity.ExpectedMove(300) + activity.DriftConfidence + activity.VariancePerSecond;
                sink += forecast.RelativeChange(probabilities, activity.VariancePerSecond * 60) + forecast.Agreement(probabilities, 1);
            }
        }

        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(double.IsFinite(sink), Is.True);
    }

    [Test]
    public void SdeSimulationIntoCallerBuffersDoesNotAllocate()
    {
        var gbm = new GeometricBrownianMotion(0.05, 0.2);
        var jumps = new CompoundPoissonJumps(50, new DoubleExponentialJumpSizes(0.5, 100, 100));
        var path = new double[1_001];
        var rng = new Random(32);
        void Run()
        {
            ScalarSdeSolver.Simulate(gbm, SdeScheme.Milstein, 100, 0, 0.001, rng, path);
            JumpDiffusionSolver.Simulate(gbm, jumps, SdeScheme.EulerMaruyama, 100, 0, 0.001, rng, path);
        }

        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
