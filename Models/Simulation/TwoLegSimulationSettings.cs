using System;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// Set-up of <see cref="TwoLegBookSimulator"/>: an eight-node Hawkes process (four <see cref="AnchorHawkesNodes"/> per
/// contract, contract 1's at 4 … 7) drives the top of book of two related contracts; cross-contract excitation makes
/// their activity correlated. Each contract's book mechanics: tick size, start price, mean depth replenished at a new
/// level, the largest clip one event removes or adds, and the share of impacting events that are trades.
/// </summary>
/// <param name="Process">The eight-node process, time in seconds.</param>
/// <param name="TickSize">Tick size, price units, per contract.</param>
/// <param name="StartPrice">Starting best bid, price units, per contract.</param>
/// <param name="MeanDepth">Mean size (lots) of a new best level, per contract: 1 + a geometric draw.</param>
/// <param name="MaxClip">Largest size (lots) one event removes or adds, per contract (uniform on 1 … MaxClip).</param>
/// <param name="TradeShare">Share of reference-impacting events that are trades (the rest cancel), per contract.</param>
/// <param name="ImproveShare">Share of other events that improve the touch by a tick when the spread allows, per contract.</param>
public sealed record TwoLegSimulationSettings(
    HawkesParameters Process,
    double[] TickSize,
    double[] StartPrice,
    double[] MeanDepth,
    int[] MaxClip,
    double[] TradeShare,
    double[] ImproveShare)
{
    /// <summary>
    /// The evaluation's default: contract 0 steady and deep (impacting baseline 60/s per side, self-excitation 0.2 plus
    /// 0.05 across sides, mean depth 6 lots), contract 1 bursty and thin (baseline 12/s per side, self-excitation 0.75
    /// plus 0.1 across sides, mean depth 3 lots): both run about 80 impacting events per second per side on average,
    /// so which contract is more stable changes with contract 1's bursts. Other events: baseline 40/s per side,
    /// self-excitation 0.2, excited 0.3 by the side's impacting events (refills). Shared kernel decay β = 50/s (20 ms
    /// memory, 50 memories in the paper's 1,000 ms fitting window); 0.05 excitation between the contracts' impacting nodes.
    /// </summary>
    public static TwoLegSimulationSettings Default()
    {
        var mu = new[] { 60.0, 40.0, 60.0, 40.0, 12.0, 40.0, 12.0, 40.0 };
        var alpha = new double[8, 8];
        Leg(alpha, 0, self: 0.2, crossSide: 0.05);
        Leg(alpha, 4, self: 0.75, crossSide: 0.1);
        foreach (var (a, b) in new[] { (0, 4), (2, 6) })
        {
            alpha[a, b] = 0.05;
            alpha[b, a] = 0.05;
        }

        return new TwoLegSimulationSettings(
            new HawkesParameters(mu, alpha, 50.0),
            new[] { 0.05, 0.05 },
            new[] { 22_000.0, 22_100.0 },
            new[] { 6.0, 3.0 },
            new[] { 3, 3 },
            new[] { 0.4, 0.4 },
            new[] { 0.5, 0.5 });
    }

    /// <summary>Validates the per-contract arrays (two entries each, positive where they must be) and the process's dimension.</summary>
    /// <exception cref="MarketMakingException">InvalidParameters naming the offending value.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Process);
        if (Process.Dimension != 2 * AnchorHawkesNodes.Count)
        {
            throw Guard.Invalid(nameof(Process), $"must have {2 * AnchorHawkesNodes.Count} nodes, got {Process.Dimension}");
        }

        for (var k = 0; k < 2; k++)
        {
            Guard.Positive(Two(TickSize, nameof(TickSize))[k], $"{nameof(TickSize)}[{k}]");
            Guard.Positive(Two(StartPrice, nameof(StartPrice))[k], $"{nameof(StartPrice)}[{k}]");
            Guard.Positive(Two(MeanDepth, nameof(MeanDepth))[k], $"{nameof(MeanDepth)}[{k}]");
            Guard.Positive(Two(MaxClip, nameof(MaxClip))[k], $"{nameof(MaxClip)}[{k}]");
            Guard.InRange(Two(TradeShare, nameof(TradeShare))[k], 0, 1, $"{nameof(TradeShare)}[{k}]");
            Guard.InRange(Two(ImproveShare, nameof(ImproveShare))[k], 0, 1, $"{nameof(ImproveShare)}[{k}]");
        }
    }

    private static T[] Two<T>(T[] values, string name) =>
        values is { Length: 2 } ? values : throw Guard.Invalid(name, "must have one entry per contract (2)");

    private static void Leg(double[,] alpha, int offset, double self, double crossSide)
    {
        const int bid = AnchorHawkesNodes.BidImpacting, ask = AnchorHawkesNodes.AskImpacting;
        alpha[offset + bid, offset + bid] = self;
        alpha[offset + ask, offset + ask] = self;
        alpha[offset + bid, offset + ask] = crossSide;
        alpha[offset + ask, offset + bid] = crossSide;
        alpha[offset + AnchorHawkesNodes.BidOther, offset + bid] = 0.3;
        alpha[offset + AnchorHawkesNodes.AskOther, offset + ask] = 0.3;
        alpha[offset + AnchorHawkesNodes.BidOther, offset + AnchorHawkesNodes.BidOther] = 0.2;
        alpha[offset + AnchorHawkesNodes.AskOther, offset + AnchorHawkesNodes.AskOther] = 0.2;
    }
}
