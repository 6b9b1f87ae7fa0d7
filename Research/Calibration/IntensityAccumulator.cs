using System;
using System.Linq;
using System.Text.Json;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Research.Commands;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Execution intensity λ(δ) = A·e^(−kδ) per side from the trades and the mid (<see cref="TradingIntensityEstimator"/>):
/// intervals of <see cref="IntervalSeconds"/> s, depth grid of half the security's tick (its minimum price variation
/// in LEAN's symbol-properties database: mids on a tick grid are spaced by half a tick) over <see cref="DepthLevels"/>
/// levels, Poisson inversion, no forgetting; pauses longer than 10 minutes (overnight) are not counted as time.
/// </summary>
internal sealed class IntensityAccumulator
{
    private readonly TradingIntensityEstimator _estimator;

    /// <summary>Creates the accumulator for a security with tick size <paramref name="minimumPriceVariation"/> (price units).</summary>
    public IntensityAccumulator(double minimumPriceVariation)
    {
        DepthStep = minimumPriceVariation / 2;
        _estimator = new TradingIntensityEstimator(new TradingIntensityOptions(IntervalSeconds, DepthStep, DepthLevels));
    }

    /// <summary>Measurement interval Δt, seconds.</summary>
    public const double IntervalSeconds = 1;

    /// <summary>Depth grid step, price units: half a tick, the spacing of mids on the tick grid.</summary>
    public double DepthStep { get; }

    /// <summary>Number of depth levels fitted.</summary>
    public const int DepthLevels = 10;

    /// <summary>Records a new mid.</summary>
    public void OnMid(DateTime time, double mid) => _estimator.OnMid(time, mid);

    /// <summary>Records a signed trade.</summary>
    public void OnTrade(DateTime time, double price, TradeAggressor side) => _estimator.OnTrade(time, price, side);

    /// <summary>Fits and writes the <c>tradingIntensity</c> object.</summary>
    public void Write(Utf8JsonWriter w)
    {
        TradingIntensityEstimate estimate;
        try
        {
            estimate = _estimator.Estimate();
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.InvalidMarketData)
        {
            JsonFields.WriteUnavailable(w, "tradingIntensity", e.Message);
            return;
        }

        w.WriteStartObject("tradingIntensity");
        w.WriteString("model", "lambda(depth) = A exp(-k depth), fills per second at depth (price units) from the mid; bid side driven by sells, ask side by buys");
        JsonFields.WriteNumber(w, "intervalSeconds", IntervalSeconds);
        JsonFields.WriteNumber(w, "minimumPriceVariation", 2 * DepthStep);
        JsonFields.WriteNumber(w, "depthStep", DepthStep);
        JsonFields.WriteNumber(w, "observedSeconds", estimate.ElapsedSeconds);
        WriteSide(w, "bid", estimate.Bid);
        WriteSide(w, "ask", estimate.Ask);
        w.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter w, string name, IntensityFit fit)
    {
        w.WriteStartObject(name);
        JsonFields.WriteNumber(w, "aPerSecond", fit.A);
        JsonFields.WriteNumber(w, "kPerPriceUnit", fit.K);
        JsonFields.WriteNumber(w, "rSquared", fit.RSquared);
        JsonFields.WriteNumbers(w, "depths", fit.Depths.ToArray());
        JsonFields.WriteNumbers(w, "ratesPerSecond", fit.Rates.ToArray());
        w.WriteEndObject();
    }
}
