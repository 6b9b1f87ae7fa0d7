using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// The benchmark "symmetric" strategy of Avellaneda &amp; Stoikov (2008, §3.3): a constant total spread centred on the
/// mid, whatever the inventory and time (in the paper, the average spread of the inventory strategy it is compared
/// with). Reservation price = mid; both depths = spread/2. Ignores drift and adverse-selection signals.
/// </summary>
public sealed class SymmetricQuotingModel : IQuotingModel
{
    private readonly double halfSpread;

    /// <summary>Creates the strategy.</summary>
    /// <param name="spread">Total quoted spread, ask − bid &gt; 0, price units.</param>
    /// <param name="orderSize">Quantity quoted on each side, &gt; 0, units of the asset.</param>
    public SymmetricQuotingModel(double spread, double orderSize = 1)
    {
        Spread = Guard.Positive(spread, nameof(spread));
        OrderSize = Guard.Positive(orderSize, nameof(orderSize));
        halfSpread = 0.5 * spread;
    }

    /// <summary>Total quoted spread, price units.</summary>
    public double Spread { get; }

    /// <summary>Quantity quoted on each side, units of the asset.</summary>
    public double OrderSize { get; }

    /// <inheritdoc />
    public TwoSidedQuote Quote(in MarketSnapshot snapshot) =>
        TwoSidedQuote.FromDepths(snapshot.Mid, snapshot.Mid, halfSpread, halfSpread, OrderSize, OrderSize);
}
