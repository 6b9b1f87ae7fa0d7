using System.Collections.Generic;

namespace Lean.MarketMaking.Models.State;

// The JSON schema of format version 1 (MarketMakingStateSerializer.FormatVersion): plain transfer objects, so the shipped
// records keep their validating constructors and a schema change is a visible, versioned edit of this file.
#pragma warning disable CS1591 // internal transfer objects: the schema is documented on MarketMakingStateSerializer

internal sealed class StateJson
{
    public int? FormatVersion { get; set; }

    public long Sequence { get; set; }

    public long SavedAtUtcTicks { get; set; }

    public double[]? Inventory { get; set; }

    public double[]? VolatilityPerSqrtSecond { get; set; }

    public double[][]? Correlation { get; set; }

    public double[]? RegimeProbabilities { get; set; }

    public List<HawkesJson?>? OrderFlow { get; set; }

    public List<JumpsJson?>? Jumps { get; set; }

    public RiskJson? Risk { get; set; }

    public List<IntensityJson?>? Intensity { get; set; }

    public List<WorkingQuoteJson>? WorkingQuotes { get; set; }

    public JournalJson? Journal { get; set; }

    // optional: absent in saves without estimator sums
    public List<EstimatorsJson?>? Estimators { get; set; }

    public EwmaJson? Covariance { get; set; }
}

internal sealed class EstimatorsJson
{
    public EwmaJson? Volatility { get; set; }

    public IntensityCountsJson? Intensity { get; set; }

    public HawkesTrackerJson? OrderFlow { get; set; }

    public LeeMyklandJson? Jumps { get; set; }
}

internal sealed class EwmaJson
{
    public double HalfLifeSeconds { get; set; }

    public double[]? WeightedProducts { get; set; }

    public double[]? LastLogPrices { get; set; }

    public double WeightedSeconds { get; set; }

    public double LastTimeSeconds { get; set; }

    public bool HasLastPrices { get; set; }

    public long Count { get; set; }
}

internal sealed class IntensityCountsJson
{
    public double[]? BidCounts { get; set; }

    public double[]? AskCounts { get; set; }

    public double Intervals { get; set; }

    public long IntervalStartTicks { get; set; }

    public long LastEventTicks { get; set; }

    public double Mid { get; set; }

    public double PriorMid { get; set; }

    public double DeepestBid { get; set; }

    public double DeepestAsk { get; set; }

    public bool Interrupted { get; set; }
}

internal sealed class HawkesTrackerJson
{
    public double[]? Excitation { get; set; }

    public double LastTime { get; set; }
}

internal sealed class LeeMyklandJson
{
    public double[]? Products { get; set; }

    public int Next { get; set; }

    public int Filled { get; set; }

    public int SinceResum { get; set; }

    public double Sum { get; set; }

    public double LastTimeSeconds { get; set; }

    public double LastPrice { get; set; }

    public double LastAbsReturn { get; set; }

    public long Count { get; set; }

    public bool HasLastPrice { get; set; }

    public bool HasLastReturn { get; set; }
}

internal sealed class HawkesJson
{
    public double[]? Mu { get; set; }

    public double[][]? Alpha { get; set; }

    public double Beta { get; set; }
}

internal sealed class JumpsJson
{
    public double JumpIntensity { get; set; }

    public double UpwardJumpProbability { get; set; }

    public double UpwardJumpRate { get; set; }

    public double DownwardJumpRate { get; set; }

    public double MarketOrderJumpProbability { get; set; }

    public double BuyOrderJumpSize { get; set; }

    public double SellOrderJumpSize { get; set; }

    public double JumpRiskAversion { get; set; }

    public double VolatilityClustering { get; set; }

    public double ClusteringDecayRate { get; set; }
}

internal sealed class RiskJson
{
    public double ValueAtRisk { get; set; }

    public double ExpectedShortfall { get; set; }

    public double ConfidenceLevel { get; set; }

    public double HorizonSeconds { get; set; }

    public double GrossExposure { get; set; }

    public double NetExposure { get; set; }
}

internal sealed class IntensityJson
{
    public double BidAPerSecond { get; set; }

    public double BidKPerPriceUnit { get; set; }

    public double AskAPerSecond { get; set; }

    public double AskKPerPriceUnit { get; set; }
}

internal sealed class WorkingQuoteJson
{
    public int Asset { get; set; }

    public QuoteSide Side { get; set; }

    public long OrderId { get; set; }

    public double LimitPrice { get; set; }

    public double Quantity { get; set; }
}

internal sealed class JournalJson
{
    public int Capacity { get; set; }

    public long DroppedCount { get; set; }

    public List<FillJson>? Records { get; set; }
}

internal sealed class FillJson
{
    public long OrderId { get; set; }

    public int OrderEventId { get; set; }

    public int Asset { get; set; }

    public long TimeUtcTicks { get; set; }

    public double FillPrice { get; set; }

    public double FillQuantity { get; set; }

    public double Fee { get; set; }
}
