using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Numerics;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Numerics;

[TestFixture]
public class TridiagonalMetzlerExponentialTests
{
    private static double[] Absolute(TridiagonalMetzlerExponential engine, double tau)
    {
        var values = engine.LogApply(tau).ToArray();
        return values.Select(v => v + engine.LogOffset).ToArray();
    }

    private static double[] SeriesAbsolute(double[] diagonal, double upper, double lower, double[] logX, double horizon, double tau)
    {
        var series = new PositiveSeriesExponential(diagonal, upper, lower, logX, horizon);
        var values = new double[diagonal.Length];
        var offset = series.LogApply(tau, values);
        return values.Select(v => v + offset).ToArray();
    }

    [TestCase(5, 0.8, 0.8, 0.0)]
    [TestCase(5, 0.8, 0.8, 0.3)]
    [TestCase(5, 0.8, 0.8, 2.5)]
    [TestCase(7, 1.3, 0.4, 0.3)]
    [TestCase(7, 1.3, 0.4, 2.5)]
    [TestCase(9, 0.2, 1.7, 1.0)]
    public void BothPathsMatchMathNetsDenseEigendecompositionOnWellConditionedCases(int n, double upper, double lower, double tau)
    {
        // ω spans less than a factor 20 here; the unsymmetrised dense reference has cond(V) ≈ (u/l)^(±(n−1)/2), up to
        // ~5e3 in the last case, so it is good to ~1e-12 relative. The spectral sum's own bound is 1e-9 but its real
        // error is round-off. 1e-11 in ln ω (= relative in ω).
        var diagonal = Enumerable.Range(0, n).Select(i => -0.5 + (0.3 * Math.Sin(i)) - (0.05 * i)).ToArray();
        var logX = Enumerable.Range(0, n).Select(i => 0.4 * Math.Cos(1.7 * i)).ToArray();
        var expected = DenseExponentialReference.LogApply(diagonal, upper, lower, logX, tau);
        var engine = new TridiagonalMetzlerExponential(diagonal, upper, lower, logX, 3);
        Assert.That(Absolute(engine, tau), Is.EqualTo(expected).AsCollection.Within(1e-11));
        Assert.That(engine.UsedPositiveSeries, Is.False, "a well-conditioned case is resolved by the spectral sum");
        Assert.That(SeriesAbsolute(diagonal, upper, lower, logX, 3, tau), Is.EqualTo(expected).AsCollection.Within(1e-11));
    }

    public sealed record Case(double[] Diagonal, double Upper, double Lower, double[] LogX, double Tau)
    {
        public override string ToString() =>
            $"d=[{string.Join(", ", Diagonal)}] u={Upper} l={Lower} lnx=[{string.Join(", ", LogX)}] τ={Tau}";
    }

    private static Gen<double> Uniform(double low, double high) =>
        Gen.Choose(0, 10_000).Select(i => low + ((high - low) * i / 10_000.0));

    [Test]
    public void RandomSmallGeneratorsAgreeWithTheDenseReferenceOnBothPaths()
    {
        // Diagonals in [−3, 1], off-diagonals in [0.1, 2], ln x in [−2, 2], τ ∈ [0, 2], n ≤ 8: ω spans at most ~e^12,
        // cond(V) stays below ~1e3, so the dense reference is good to ~1e-12 relative; allow 1e-10 in ln ω.
        var cases =
            from n in Gen.Choose(2, 8)
            from diagonal in Gen.ArrayOf(Uniform(-3, 1), n)
            from upper in Uniform(0.1, 2)
            from lower in Uniform(0.1, 2)
            from logX in Gen.ArrayOf(Uniform(-2, 2), n)
            from tau in Uniform(0, 2)
            select new Case(diagonal, upper, lower, logX, tau);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var expected = DenseExponentialReference.LogApply(c.Diagonal, c.Upper, c.Lower, c.LogX, c.Tau);
            var engine = Absolute(new TridiagonalMetzlerExponential(c.Diagonal, c.Upper, c.Lower, c.LogX, 2), c.Tau);
            var series = SeriesAbsolute(c.Diagonal, c.Upper, c.Lower, c.LogX, 2, c.Tau);
            return expected.Select((e, i) => Math.Abs(engine[i] - e) <= 1e-10 && Math.Abs(series[i] - e) <= 1e-10).All(ok => ok);
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void ValuesSpanningMoreThan1e300AreEachAccurateRelativeToThemselves()
    {
        // G' = ΓGΓ⁻¹ with Γ = diag(e^(iγ)) is tridiagonal Metzler with off-diagonals u·e^(−γ), l·e^(γ), and
        // exp(G'τ)(Γy) = Γ·exp(Gτ)y exactly: ln ω'_i = iγ + ln(exp(Gτ)y)_i, the bracket from the dense reference on the
        // moderate G. With γ = 18 over 41 states ω' spans e^720 ≈ 1e312. Both the engine (which symmetrises the tilt
        // away) and the positive series (which sees it whole and has to gauge) must give every component to 1e-11
        // relative — ~ the dense reference's own accuracy.
        const int n = 41;
        const double gamma = 18, upper = 0.9, lower = 1.1, tau = 0.7;
        var diagonal = Enumerable.Range(0, n).Select(i => -1.0 + (0.5 * Math.Sin(0.3 * i))).ToArray();
        var logY = Enumerable.Range(0, n).Select(i => 0.3 * Math.Cos(i)).ToArray();
        var moderate = DenseExponentialReference.LogApply(diagonal, upper, lower, logY, tau);
        var expected = moderate.Select((v, i) => (i * gamma) + v).ToArray();
        Assert.That(expected.Max() - expected.Min(), Is.GreaterThan(300 * Math.Log(10)), "the case must span > 1e300");

        var logX = logY.Select((v, i) => (i * gamma) + v).ToArray();
        var tiltedUpper = upper * Math.Exp(-gamma);
        var tiltedLower = lower * Math.Exp(gamma);
        var engine = new TridiagonalMetzlerExponential(diagonal, tiltedUpper, tiltedLower, logX, 1);
        Assert.That(Absolute(engine, tau), Is.EqualTo(expected).AsCollection.Within(1e-11));
        Assert.That(SeriesAbsolute(diagonal, tiltedUpper, tiltedLower, logX, 1, tau), Is.EqualTo(expected).AsCollection.Within(1e-11));
    }

    [Test]
    public void ThePerronVectorIsReproducedEntrywiseEvenWhenItSpansMoreThan1e300()
    {
        // d_i = −i², u = 0.02, l = 0.005 over 71 states: the Perron vector f falls by ~e^(−800) from i = 0 to 70.
        // exp(Gτ)f = e^(ρτ)f exactly, so the engine started at the continued-fraction f must return it, tail included,
        // at every τ (short and long: different numbers of squarings); the spectral sum cannot resolve the tail, so this
        // runs the positive series and its gauge. 1e-9 relative per component, and the offset carries ρτ to 1e-9·ρτ.
        const int n = 71;
        var diagonal = Enumerable.Range(0, n).Select(i => -(double)i * i).ToArray();
        var probe = new TridiagonalMetzlerExponential(diagonal, 0.02, 0.005, new double[n], 1);
        var perron = probe.LogPerronVector();
        Assert.That(perron.Max() - perron.Min(), Is.GreaterThan(300 * Math.Log(10)), "the case must span > 1e300");
        var engine = new TridiagonalMetzlerExponential(diagonal, 0.02, 0.005, perron, 60);
        foreach (var tau in new[] { 0.37, 60.0 })
        {
            var values = Absolute(engine, tau);
            Assert.That(engine.UsedPositiveSeries, Is.True);
            var growth = probe.PerronRoot * tau;
            for (var i = 0; i < n; i++)
            {
                Assert.That(values[i] - perron[i], Is.EqualTo(growth).Within(1e-9 * (1 + Math.Abs(growth))), $"τ = {tau}, component {i}");
            }
        }
    }

    [TestCase(0.37)]
    [TestCase(4321.0)]
    [TestCase(9876.5)]
    public void LongTimesBeyondTheIdempotentPowerKeepTheAbsoluteScale(double tau)
    {
        // Horizon 1e4 is ~2^16 uniformisation steps, but the normalised powers of this 6-state generator stop changing
        // (to 1e-13) after ~11 squarings: larger binary digits of τ reuse that power and extrapolate its log scale. The
        // absolute ln ω (≈ ρτ ≈ 4300 at the horizon) must still match the dense reference to 1e-12 relative (~1 ulp·20).
        var diagonal = new[] { -0.5, -0.2, -0.9, -0.4, -1.0, -0.3 };
        var logX = new[] { 0.1, -0.4, 0.3, 0.0, -0.2, 0.5 };
        var expected = DenseExponentialReference.LogApply(diagonal, 0.7, 0.4, logX, tau);
        var series = SeriesAbsolute(diagonal, 0.7, 0.4, logX, 1e4, tau);
        for (var i = 0; i < diagonal.Length; i++)
        {
            Assert.That(series[i], Is.EqualTo(expected[i]).Within(1e-12 * (1 + Math.Abs(expected[i]))), $"component {i}");
        }
    }

    [Test]
    public void RepeatedTimesAreCachedAndNewTimesAllocateNothingAfterWarmUp()
    {
        var spectralCase = new TridiagonalMetzlerExponential([-1.0, -0.5, -0.7, -0.2, -1.1], 0.6, 0.9, new double[5], 10);
        var diagonal = Enumerable.Range(0, 31).Select(i => -0.05 * i * i).ToArray();
        var seriesCase = new TridiagonalMetzlerExponential(diagonal, 0.3, 0.3, new double[31], 10);
        _ = seriesCase.LogApply(1);
        Assert.That(seriesCase.UsedPositiveSeries, Is.True, "the 31-state case must need the positive series");
        var first = spectralCase.LogApply(2).ToArray();
        Assert.That(spectralCase.LogApply(2).ToArray(), Is.EqualTo(first));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var k = 0; k < 200; k++)
        {
            sum += spectralCase.LogApply(0.01 * k)[2] + spectralCase.LogApply(0.01 * k)[3];
            sum += seriesCase.LogApply(0.01 * k)[30];
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(double.IsFinite(sum));
    }

    [Test]
    public void RejectsTimesOutsideTheHorizonAndNonPositiveOffDiagonals()
    {
        var engine = new TridiagonalMetzlerExponential([-1.0, -0.5, -0.7], 0.6, 0.9, new double[3], 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.LogApply(10.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.LogApply(-0.1));
        Assert.Throws<Lean.MarketMaking.Models.Errors.MarketMakingException>(
            () => _ = new TridiagonalMetzlerExponential([-1.0, -0.5], 0.0, 0.9, new double[2], 10));
    }
}
