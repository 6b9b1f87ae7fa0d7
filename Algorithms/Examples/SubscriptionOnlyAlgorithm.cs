using QuantConnect.Data;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Baseline of the wall-time measurement (scripts/measure-backtest.sh): subscribes to exactly the security, resolution,
/// dates and benchmark of <see cref="AvellanedaStoikovAlgorithm"/>, from the same <c>as-*</c> parameters, and does
/// nothing else, so its backtest is the cost of LEAN reading and dispatching the data. The market maker's backtest on
/// the same data should take at most 1.5 times as long.
/// </summary>
public sealed class SubscriptionOnlyAlgorithm : AvellanedaStoikovAlgorithm
{
    /// <inheritdoc />
    public override void Initialize() =>
        // the quoted pair is the benchmark, as in the market makers' InstallFramework: no SPY data
        SetBenchmark(SubscribeQuotedPair().Symbol);

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
    }
}
