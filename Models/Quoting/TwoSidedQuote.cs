namespace Lean.MarketMaking.Models.Quoting;

/// <summary>
/// A model's two-sided quote. Depths are measured from the mid: <c>Bid = Mid − BidDepth</c>,
/// <c>Ask = Mid + AskDepth</c>. A side the model does not want to quote (for example at the
/// inventory bound) has size 0; its price is still finite and still keeps <c>Bid &lt; Ask</c>.
/// </summary>
/// <param name="Reservation">Reservation (indifference) price r.</param>
/// <param name="Bid">Bid price.</param>
/// <param name="Ask">Ask price.</param>
/// <param name="BidSize">Quantity offered on the bid (≥ 0).</param>
/// <param name="AskSize">Quantity offered on the ask (≥ 0).</param>
/// <param name="BidDepth">Mid − Bid.</param>
/// <param name="AskDepth">Ask − Mid.</param>
public readonly record struct TwoSidedQuote(
    double Reservation,
    double Bid,
    double Ask,
    double BidSize,
    double AskSize,
    double BidDepth,
    double AskDepth)
{
    /// <summary>Total quoted spread, Ask − Bid.</summary>
    public double Spread => Ask - Bid;

    /// <summary>
    /// Builds a quote from the mid and the two depths, checking that everything is finite and that
    /// the bid is strictly below the ask; throws <see cref="Errors.MarketMakingException"/> of kind
    /// <see cref="Errors.MarketMakingErrorKind.NumericalInstability"/> otherwise, so that NaN never leaves a model.
    /// </summary>
    public static TwoSidedQuote FromDepths(double mid, double reservation, double bidDepth, double askDepth, double bidSize, double askSize)
    {
        var bid = mid - bidDepth;
        var ask = mid + askDepth;
        if (!double.IsFinite(reservation) || !double.IsFinite(bid) || !double.IsFinite(ask))
        {
            throw new Errors.MarketMakingException(
                Errors.MarketMakingErrorKind.NumericalInstability,
                $"quote is not finite (reservation {reservation}, bid {bid}, ask {ask})");
        }

        if (!(bid < ask))
        {
            throw new Errors.MarketMakingException(
                Errors.MarketMakingErrorKind.NumericalInstability,
                $"quote is crossed or locked (bid {bid} >= ask {ask})");
        }

        return new TwoSidedQuote(reservation, bid, ask, bidSize, askSize, bidDepth, askDepth);
    }
}
