namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Outcome of a VaR backtest (<see cref="ValueAtRiskBacktest"/>): exception counts, the likelihood-ratio statistics with
/// their χ² p-values (small = reject the model), and the Basel zone.
/// </summary>
/// <param name="Observations">T, number of forecast/outcome pairs.</param>
/// <param name="Exceptions">x, number of periods whose loss exceeded the VaR forecast.</param>
/// <param name="ExpectedExceptions">T·(1 − α).</param>
/// <param name="KupiecStatistic">LR_POF, χ²(1) under correct coverage.</param>
/// <param name="KupiecPValue">P(χ²(1) ≥ LR_POF).</param>
/// <param name="IndependenceStatistic">LR_ind, χ²(1) under independent exceptions.</param>
/// <param name="IndependencePValue">P(χ²(1) ≥ LR_ind).</param>
/// <param name="ConditionalCoverageStatistic">LR_cc = LR_POF + LR_ind, χ²(2).</param>
/// <param name="ConditionalCoveragePValue">P(χ²(2) ≥ LR_cc).</param>
/// <param name="Zone">Basel traffic-light zone of x in T.</param>
public sealed record ValueAtRiskBacktestResult(
    int Observations,
    int Exceptions,
    double ExpectedExceptions,
    double KupiecStatistic,
    double KupiecPValue,
    double IndependenceStatistic,
    double IndependencePValue,
    double ConditionalCoverageStatistic,
    double ConditionalCoveragePValue,
    TrafficLightZone Zone);
