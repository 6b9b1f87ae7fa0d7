using QuantConnect.Algorithm.Framework.Portfolio;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// A portfolio target that also carries a two-sided quote. <see cref="IPortfolioTarget.Quantity"/> is the inventory the
/// quoting model saw, <see cref="Exposure"/>.<see cref="InventoryExposure.Net"/> (so that a stock LEAN execution model,
/// which trades <c>Quantity − holdings − open orders</c>, does nothing with it); the quote itself is what a
/// market-making execution model works.
/// Declared here, not next to its implementation, because the risk layer must resize quotes and the Algorithms project
/// depends on Risk, not the other way round.
/// </summary>
public interface IQuoteTarget : IPortfolioTarget
{
    /// <summary>
    /// Holdings and working orders of the security when the quote was computed, in this time step (portfolio
    /// construction, risk and execution run one after the other in a step, with no fill in between), so the risk model
    /// reads them from the target instead of walking LEAN's open order tickets a second time.
    /// </summary>
    InventoryExposure Exposure { get; }

    /// <summary>Bid limit price, in the security's quote currency (not yet rounded to the tick).</summary>
    decimal BidPrice { get; }

    /// <summary>Ask limit price, in the security's quote currency (not yet rounded to the tick); always above <see cref="BidPrice"/>.</summary>
    decimal AskPrice { get; }

    /// <summary>Quantity to bid for, in units of the asset (≥ 0; 0 means do not bid).</summary>
    decimal BidSize { get; }

    /// <summary>Quantity to offer, in units of the asset (≥ 0; 0 means do not offer).</summary>
    decimal AskSize { get; }

    /// <summary>The quoting model's reservation (indifference) price.</summary>
    decimal ReservationPrice { get; }

    /// <summary>Returns the same quote with other sizes, e.g. one side switched off by a risk model.</summary>
    /// <param name="bidSize">New bid size (≥ 0).</param>
    /// <param name="askSize">New ask size (≥ 0).</param>
    /// <param name="tag">Tag of the new target, saying why it changed.</param>
    IQuoteTarget WithSizes(decimal bidSize, decimal askSize, string tag);
}
