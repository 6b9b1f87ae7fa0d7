using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Risk;
using QuantConnect;
using QuantConnect.Algorithm.Framework.Portfolio;

namespace Lean.MarketMaking.Algorithms.PortfolioConstruction;

/// <summary>
/// A <see cref="PortfolioTarget"/> that carries a two-sided quote. <see cref="PortfolioTarget.Quantity"/> is the
/// exposure when the quote was computed (holdings plus working orders, <see cref="InventoryExposure.Net"/> of
/// <see cref="Exposure"/>; the quoting model itself saw the holdings), so LEAN's stock execution models, which trade
/// <c>Quantity − holdings − open orders</c>, leave it alone; <c>MarketMakingExecutionModel</c> works the quote.
/// Prices are raw model prices: the execution model rounds them to the tick and keeps them off the touch.
/// </summary>
public class QuoteTarget : PortfolioTarget, IQuoteTarget
{
    /// <summary>Creates a validated quote target.</summary>
    /// <param name="symbol">Security quoted.</param>
    /// <param name="exposure">Holdings and working orders the quote was computed for, units of the asset.</param>
    /// <param name="bidPrice">Bid price (&gt; 0, below <paramref name="askPrice"/>).</param>
    /// <param name="askPrice">Ask price.</param>
    /// <param name="bidSize">Bid size, units of the asset (≥ 0).</param>
    /// <param name="askSize">Ask size, units of the asset (≥ 0).</param>
    /// <param name="reservationPrice">The model's reservation price.</param>
    /// <param name="tag">Free text.</param>
    public QuoteTarget(Symbol symbol, InventoryExposure exposure, decimal bidPrice, decimal askPrice, decimal bidSize, decimal askSize,
        decimal reservationPrice, string tag = "")
        : base(symbol, exposure.Net, tag)
    {
        if (!(bidPrice < askPrice))
        {
            throw Guard.Invalid(nameof(bidPrice), $"must be < askPrice ({askPrice}), got {bidPrice}");
        }

        if (bidSize < 0 || askSize < 0)
        {
            throw Guard.Invalid(bidSize < 0 ? nameof(bidSize) : nameof(askSize), $"sizes must be >= 0, got {bidSize} x {askSize}");
        }

        Exposure = exposure;
        BidPrice = bidPrice;
        AskPrice = askPrice;
        BidSize = bidSize;
        AskSize = askSize;
        ReservationPrice = reservationPrice;
    }

    /// <inheritdoc />
    public InventoryExposure Exposure { get; }

    /// <inheritdoc />
    public decimal BidPrice { get; }

    /// <inheritdoc />
    public decimal AskPrice { get; }

    /// <inheritdoc />
    public decimal BidSize { get; }

    /// <inheritdoc />
    public decimal AskSize { get; }

    /// <inheritdoc />
    public decimal ReservationPrice { get; }

    /// <summary>
    /// Builds a target from a model quote. Throws <see cref="MarketMakingException"/> of kind
    /// <see cref="MarketMakingErrorKind.NumericalInstability"/> if the quote is not finite or not representable as a
    /// decimal, or if Bid ≥ Ask, so that a broken model output never reaches the execution model.
    /// </summary>
    public static QuoteTarget FromQuote(Symbol symbol, InventoryExposure exposure, in TwoSidedQuote quote, string tag = "")
    {
        return new QuoteTarget(symbol, exposure, ToDecimal(quote.Bid, "bid"), ToDecimal(quote.Ask, "ask"),
            ToDecimal(quote.BidSize, "bid size"), ToDecimal(quote.AskSize, "ask size"),
            ToDecimal(quote.Reservation, "reservation"), tag);
    }

    /// <inheritdoc />
    public IQuoteTarget WithSizes(decimal bidSize, decimal askSize, string tag) =>
        new QuoteTarget(Symbol, Exposure, BidPrice, AskPrice, bidSize, askSize, ReservationPrice, tag);

    /// <summary>The same quote computed from another exposure, with another tag.</summary>
    /// <param name="exposure">Holdings and working orders the quote stands for now.</param>
    /// <param name="tag">Tag of the new target.</param>
    public QuoteTarget WithExposure(InventoryExposure exposure, string tag) =>
        new(Symbol, exposure, BidPrice, AskPrice, BidSize, AskSize, ReservationPrice, tag);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Symbol}: q={Quantity} bid {BidSize}@{BidPrice} ask {AskSize}@{AskPrice} r={ReservationPrice}";

    private static decimal ToDecimal(double value, string what)
    {
        // decimal covers ±7.9e28; anything outside (or NaN/∞) is a model failure, not a price.
        if (!double.IsFinite(value) || System.Math.Abs(value) > 1e20)
        {
            throw new MarketMakingException(MarketMakingErrorKind.NumericalInstability, $"quote {what} is not a usable price: {value}");
        }

        return (decimal)value;
    }
}
