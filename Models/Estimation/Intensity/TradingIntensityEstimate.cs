namespace Lean.MarketMaking.Models.Estimation.Intensity;

/// <summary>Execution intensities of both sides of the book.</summary>
public sealed class TradingIntensityEstimate
{
    internal TradingIntensityEstimate(IntensityFit bid, IntensityFit ask, double elapsedSeconds)
    {
        Bid = bid;
        Ask = ask;
        ElapsedSeconds = elapsedSeconds;
    }

    /// <summary>Fills of a resting bid at depth δ below the mid (driven by sell trades).</summary>
    public IntensityFit Bid { get; }

    /// <summary>Fills of a resting ask at depth δ above the mid (driven by buy trades).</summary>
    public IntensityFit Ask { get; }

    /// <summary>Effective (decay-weighted) observation time behind the estimate, seconds.</summary>
    public double ElapsedSeconds { get; }
}
