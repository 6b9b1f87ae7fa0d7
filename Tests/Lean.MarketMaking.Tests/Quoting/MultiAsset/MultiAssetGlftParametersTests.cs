using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using Lean.MarketMaking.Models.Quoting.MultiAsset;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.MultiAsset;

[TestFixture]
public class MultiAssetGlftParametersTests
{
    private static readonly double[,] Valid = { { 1.0, 0.3 }, { 0.3, 2.0 } };
    private static readonly double[] Two = { 1.0, 1.0 };

    private static MarketMakingException Throws(TestDelegate action) => Assert.Throws<MarketMakingException>(action)!;

    private static MultiAssetGlftParameters Build(double[,] covariance) => new(covariance, Two, Two, Two, 0.1, 1.0);

    [Test]
    public void AcceptsAndCopiesValidParameters()
    {
        var covariance = (double[,])Valid.Clone();
        var scale = new[] { 1.0, 2.0 };
        var p = new MultiAssetGlftParameters(covariance, scale, Two, Two, 0.1, 1.0, GlftObjective.RiskNeutral);
        covariance[0, 1] = 99;
        scale[0] = 99;
        Assert.That(p.Covariance(0, 1), Is.EqualTo(0.3));
        Assert.That(p.IntensityScale[0], Is.EqualTo(1.0));
        Assert.That(p.AssetCount, Is.EqualTo(2));
        Assert.That(p.Xi, Is.EqualTo(0.0));
        Assert.That(MultiAssetGlftParameters.WithCommonLiquidity(Valid, 2, 0.5, 1, 0.1, 1.0).Xi, Is.EqualTo(0.1));
    }

    [Test]
    public void RejectsANonPositiveDefiniteCovariance()
    {
        // Correlation −0.9 between every pair of three assets is impossible (smallest eigenvalue 1 − 1.8 < 0).
        var indefinite = new[,] { { 1.0, -0.9, -0.9 }, { -0.9, 1.0, -0.9 }, { -0.9, -0.9, 1.0 } };
        var ones = new[] { 1.0, 1.0, 1.0 };
        var e = Throws(() => _ = new MultiAssetGlftParameters(indefinite, ones, ones, ones, 0.1, 1.0));
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
        Assert.That(e.ParameterName, Is.EqualTo("covariance"));

        // Singular (perfectly correlated), asymmetric and zero-variance matrices.
        foreach (var bad in new[] { new[,] { { 1.0, 2.0 }, { 2.0, 4.0 } }, new[,] { { 1.0, 0.2 }, { 0.3, 1.0 } }, new[,] { { 0.0, 0.0 }, { 0.0, 1.0 } } })
        {
            Assert.That(Throws(() => Build(bad)).Kind, Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
        }
    }

    [Test]
    public void RejectsDimensionMismatches()
    {
        Assert.That(Throws(() => Build(new double[2, 3])).ParameterName, Is.EqualTo("covariance"));
        Assert.That(Throws(() => Build(new double[0, 0])).ParameterName, Is.EqualTo("covariance"));
        var e = Throws(() => _ = new MultiAssetGlftParameters(Valid, new[] { 1.0 }, Two, Two, 0.1, 1.0));
        Assert.That(e.ParameterName, Is.EqualTo("intensityScale"));
        Assert.That(Throws(() => _ = new MultiAssetGlftParameters(Valid, Two, new[] { 1.0, 1, 1 }, Two, 0.1, 1.0)).ParameterName, Is.EqualTo("intensityDecay"));
        Assert.That(Throws(() => _ = new MultiAssetGlftParameters(Valid, Two, Two, new[] { 1.0 }, 0.1, 1.0)).ParameterName, Is.EqualTo("orderSize"));

        var model = new MultiAssetGlftModel(Build(Valid));
        var quotes = new TwoSidedQuote[2];
        Assert.That(Throws(() => model.Quote(new[] { 1.0 }, Two, 0, quotes)).ParameterName, Is.EqualTo("mids"));
        Assert.That(Throws(() => model.Quote(Two, new[] { 1.0, 2, 3 }, 0, quotes)).ParameterName, Is.EqualTo("inventory"));
        Assert.That(Throws(() => model.Quote(Two, Two, 0, new TwoSidedQuote[1])).ParameterName, Is.EqualTo("quotes"));
    }

    [Test]
    public void RejectsNaNAndNonPositiveValues()
    {
        var nan = Throws(() => Build(new[,] { { 1.0, double.NaN }, { double.NaN, 1.0 } }));
        Assert.That(nan.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(nan.ParameterName, Is.EqualTo("covariance[0,1]"));
        Assert.That(Throws(() => _ = new MultiAssetGlftParameters(Valid, new[] { 1.0, double.NaN }, Two, Two, 0.1, 1.0)).ParameterName, Is.EqualTo("intensityScale[1]"));
        Assert.That(Throws(() => _ = new MultiAssetGlftParameters(Valid, Two, new[] { -1.0, 1 }, Two, 0.1, 1.0)).ParameterName, Is.EqualTo("intensityDecay[0]"));
        Assert.That(Throws(() => _ = new MultiAssetGlftParameters(Valid, Two, Two, new[] { 1.0, 0 }, 0.1, 1.0)).ParameterName, Is.EqualTo("orderSize[1]"));
        Assert.That(Throws(() => _ = new MultiAssetGlftParameters(Valid, Two, Two, Two, double.NaN, 1.0)).ParameterName, Is.EqualTo("riskAversion"));
        Assert.That(Throws(() => _ = new MultiAssetGlftParameters(Valid, Two, Two, Two, 0.1, 0.0)).ParameterName, Is.EqualTo("horizon"));
        Assert.That(Throws(() => _ = new MultiAssetGlftParameters(Valid, Two, Two, Two, 0.1, 1.0, (GlftObjective)7)).ParameterName, Is.EqualTo("objective"));

        var model = new MultiAssetGlftModel(Build(Valid));
        var quotes = new TwoSidedQuote[2];
        Assert.That(Throws(() => model.Quote(Two, new[] { 0.0, double.NaN }, 0, quotes)).ParameterName, Is.EqualTo("inventory[1]"));
        Assert.That(Throws(() => model.Quote(new[] { 1.0, -1.0 }, Two, 0, quotes)).ParameterName, Is.EqualTo("mids[1]"));
        Assert.That(Throws(() => model.Quote(Two, Two, double.NaN, quotes)).ParameterName, Is.EqualTo("time"));
        Assert.That(Throws(() => model.Quote(Two, Two, 1.5, quotes)).ParameterName, Is.EqualTo("time"), "after the horizon");
        Assert.That(Throws(() => model.Quote(Two, Two, -0.1, quotes)).ParameterName, Is.EqualTo("time"));
        Assert.That(
            Throws(() => new MultiAssetGlftModel(Build(Valid), MultiAssetGlftRegime.Ergodic).Quote(Two, Two, double.NaN, quotes)).ParameterName,
            Is.EqualTo("time"));
        Assert.Throws<ArgumentNullException>(() => _ = new MultiAssetGlftModel(null!));
    }
}
