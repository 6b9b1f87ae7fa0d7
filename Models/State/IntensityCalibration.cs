using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Intensity;

namespace Lean.MarketMaking.Models.State;

/// <summary>
/// The calibrated fill intensity λ(δ) = A·e^(−k·δ) of one asset, per side (Avellaneda–Stoikov 2008, eq. 2.7):
/// what a restart needs to resume quoting before the <see cref="TradingIntensityEstimator"/> has re-learned it.
/// </summary>
public sealed record IntensityCalibration
{
    /// <summary>Creates a validated calibration.</summary>
    /// <param name="bidAPerSecond">Bid side A, fills per second at zero depth (≥ 0).</param>
    /// <param name="bidKPerPriceUnit">Bid side k, decay per price unit of depth (≥ 0).</param>
    /// <param name="askAPerSecond">Ask side A, fills per second at zero depth (≥ 0).</param>
    /// <param name="askKPerPriceUnit">Ask side k, decay per price unit of depth (≥ 0).</param>
    public IntensityCalibration(double bidAPerSecond, double bidKPerPriceUnit, double askAPerSecond, double askKPerPriceUnit)
    {
        BidAPerSecond = Guard.NonNegative(bidAPerSecond, nameof(bidAPerSecond));
        BidKPerPriceUnit = Guard.NonNegative(bidKPerPriceUnit, nameof(bidKPerPriceUnit));
        AskAPerSecond = Guard.NonNegative(askAPerSecond, nameof(askAPerSecond));
        AskKPerPriceUnit = Guard.NonNegative(askKPerPriceUnit, nameof(askKPerPriceUnit));
    }

    /// <summary>Bid side A, fills per second at zero depth.</summary>
    public double BidAPerSecond { get; }

    /// <summary>Bid side k, per price unit.</summary>
    public double BidKPerPriceUnit { get; }

    /// <summary>Ask side A, fills per second at zero depth.</summary>
    public double AskAPerSecond { get; }

    /// <summary>Ask side k, per price unit.</summary>
    public double AskKPerPriceUnit { get; }

    /// <summary>The A and k of both sides of an estimate.</summary>
    public static IntensityCalibration From(TradingIntensityEstimate estimate)
    {
        if (estimate is null)
        {
            throw Guard.Invalid(nameof(estimate), "must not be null");
        }

        return new IntensityCalibration(estimate.Bid.A, estimate.Bid.K, estimate.Ask.A, estimate.Ask.K);
    }
}
