namespace Lean.MarketMaking.Models.Risk;

/// <summary>The Basel Committee's backtesting zone of a VaR model (<see cref="BaselTrafficLight"/>).</summary>
public enum TrafficLightZone
{
    /// <summary>The exceptions are consistent with an accurate model.</summary>
    Green,

    /// <summary>The exceptions are possible with an accurate model but point to a problem.</summary>
    Yellow,

    /// <summary>An accurate model would almost never produce this many exceptions.</summary>
    Red,
}
