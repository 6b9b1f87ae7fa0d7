namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>Outcome of <see cref="HawkesEstimator.Fit"/>.</summary>
/// <param name="Parameters">The maximum-likelihood parameters.</param>
/// <param name="LogLikelihood">log L at <paramref name="Parameters"/>.</param>
/// <param name="Iterations">BFGS iterations of the successful run.</param>
/// <param name="StartsTried">How many starting points were optimised before one converged (1 = the best screened start worked).</param>
public sealed record HawkesFit(HawkesParameters Parameters, double LogLikelihood, int Iterations, int StartsTried);
