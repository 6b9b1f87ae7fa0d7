namespace Lean.MarketMaking.Models.Estimation.Volatility;

/// <summary>
/// Result of <see cref="TwoScaleRealisedVariance.Estimate"/>: the noise-robust integrated variance and its ingredients.
/// </summary>
/// <param name="Variance">The small-sample-adjusted two-scale estimate of ∫σ²dt over the window, with its units.</param>
/// <param name="NoiseVariance">Estimated variance ω² of the i.i.d. microstructure noise in ln P: [Y,Y]^(all) / (2n).</param>
/// <param name="Subsamples">Number K of offset subgrids averaged.</param>
/// <param name="AllGridRealisedVariance">Realised variance on the full tick grid, [Y,Y]^(all) (noise-dominated).</param>
/// <param name="AveragedSubsampledRealisedVariance">Average over the K subgrids of their realised variances, [Y,Y]^(avg).</param>
public readonly record struct TwoScaleEstimate(
    VarianceEstimate Variance,
    double NoiseVariance,
    int Subsamples,
    double AllGridRealisedVariance,
    double AveragedSubsampledRealisedVariance);
