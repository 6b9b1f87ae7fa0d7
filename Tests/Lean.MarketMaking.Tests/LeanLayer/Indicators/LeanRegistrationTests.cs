using System;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Models.Estimation.Jumps;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Data.Market;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

/// <summary>The indicators are LEAN indicators of the right input type and go through LEAN's registration overloads.</summary>
[TestFixture]
public class LeanRegistrationTests
{
    [Test]
    public void TickDrivenIndicatorsTakeTicksAndPriceSeriesIndicatorsTakeDataPoints()
    {
        Assert.That(typeof(IndicatorBase<Tick>).IsAssignableFrom(typeof(HawkesIntensityIndicator)));
        Assert.That(typeof(IndicatorBase<Tick>).IsAssignableFrom(typeof(TradingIntensityIndicator)));
        foreach (var type in new[] { typeof(RealizedVolatilityIndicator), typeof(JumpIndicator), typeof(RegimeIndicator), typeof(RoughnessIndicator) })
        {
            Assert.That(typeof(IndicatorBase<IndicatorDataPoint>).IsAssignableFrom(type), type.Name);
            Assert.That(typeof(IIndicatorWarmUpPeriodProvider).IsAssignableFrom(type), type.Name);
        }
    }

    [Test]
    public void RegisterIndicatorOverloadsAcceptThem()
    {
        // The surface's QCAlgorithm needs the engine and throws; what this checks is that the calls an algorithm makes
        // bind to LEAN's overloads (the generic one for ticks, the IndicatorDataPoint one with a selector for prices).
        var algorithm = new QCAlgorithm();
        var symbol = IndicatorInputs.Symbol;
        var hawkes = new HawkesIntensityIndicator("hawkes", IndicatorContractTests.Hawkes());
        var intensity = new TradingIntensityIndicator("intensity", new TradingIntensityOptions(1, 0.01, 6), TimeSpan.FromMinutes(1));
        var volatility = new RealizedVolatilityIndicator("rv", 100);
        var jump = new JumpIndicator("jump", new LeeMyklandParameters(50, 0.01), 390);
        Assert.Throws<NotImplementedException>(() => algorithm.RegisterIndicator(symbol, hawkes, Resolution.Tick));
        Assert.Throws<NotImplementedException>(() => algorithm.RegisterIndicator(symbol, intensity, Resolution.Tick));
        Assert.Throws<NotImplementedException>(() => algorithm.RegisterIndicator(symbol, volatility, Resolution.Tick, x => ((Tick)x).Value));
        Assert.Throws<NotImplementedException>(() => algorithm.RegisterIndicator(symbol, jump, TimeSpan.FromMinutes(1)));
    }
}
