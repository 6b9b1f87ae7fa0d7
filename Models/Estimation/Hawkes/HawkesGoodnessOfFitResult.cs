using System.Collections.Immutable;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>Outcome of <see cref="HawkesGoodnessOfFit.Test"/>: time-rescaled residuals and the Kolmogorov–Smirnov test against Exp(1).</summary>
/// <param name="Residuals">Per type, the compensator increments Λᵢ(t_k^i) − Λᵢ(t_{k−1}^i) (dimensionless; Exp(1) under the model).</param>
/// <param name="KsStatistic">Kolmogorov–Smirnov distance sup|F_n − F_Exp(1)| of the pooled residuals.</param>
/// <param name="PValue">Asymptotic p-value of <paramref name="KsStatistic"/> (Kolmogorov distribution); small values reject the model.</param>
public sealed record HawkesGoodnessOfFitResult(ImmutableArray<ImmutableArray<double>> Residuals, double KsStatistic, double PValue);
