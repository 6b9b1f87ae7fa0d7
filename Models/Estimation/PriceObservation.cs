namespace Lean.MarketMaking.Models.Estimation;

/// <summary>
/// One observed price: a trade or mid price <see cref="Price"/> at time <see cref="TimeSeconds"/>, in seconds from
/// any fixed origin (estimators use only differences of times, so the origin does not matter). The value is not
/// validated on construction; the estimators that consume sequences of observations reject NaN or non-positive prices
/// and out-of-order times with <see cref="Errors.MarketMakingErrorKind.InvalidMarketData"/>.
/// </summary>
/// <param name="TimeSeconds">Observation time in seconds from an arbitrary origin.</param>
/// <param name="Price">Observed price, in price units; must be finite and positive to be used.</param>
public readonly record struct PriceObservation(double TimeSeconds, double Price);
