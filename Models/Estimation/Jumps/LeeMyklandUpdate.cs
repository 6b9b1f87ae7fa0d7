namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>What one <see cref="LeeMyklandDetector.Update"/> found.</summary>
/// <param name="IsTested">False while the window of K − 1 earlier returns is filling (and for the first observation).</param>
/// <param name="IsJump">True when the return was tested and |L| exceeded the threshold.</param>
/// <param name="LogReturn">The new log-return r (0 for the first observation).</param>
/// <param name="PriceChange">The new price change, in price units.</param>
/// <param name="Statistic">L = r/σ̂ (0 when not tested).</param>
/// <param name="LocalVolatility">σ̂, the bipower local volatility per return (0 when not tested).</param>
public readonly record struct LeeMyklandUpdate(
    bool IsTested, bool IsJump, double LogReturn, double PriceChange, double Statistic, double LocalVolatility);
