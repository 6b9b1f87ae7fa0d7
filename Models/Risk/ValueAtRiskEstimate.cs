namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Value at risk and expected shortfall of a portfolio's P&amp;L over a horizon at a confidence level α, both as losses in
/// the account currency (positive = a loss): VaR is the α-quantile of the loss, ES the mean loss in the worst 1 − α of
/// outcomes (Acerbi &amp; Tasche 2002), so ES ≥ VaR.
/// </summary>
/// <param name="ValueAtRisk">VaR_α, currency (positive = loss).</param>
/// <param name="ExpectedShortfall">ES_α, currency (positive = loss).</param>
public readonly record struct ValueAtRiskEstimate(double ValueAtRisk, double ExpectedShortfall);
