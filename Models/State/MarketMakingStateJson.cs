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
