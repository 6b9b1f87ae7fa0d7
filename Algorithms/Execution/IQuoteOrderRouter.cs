using QuantConnect;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// The order operations the execution model needs, by LEAN order id. The default implementation calls
/// <c>QCAlgorithm.LimitOrder</c>, <c>OrderTicket.Update(UpdateOrderFields)</c> and <c>OrderTicket.Cancel</c>;
/// replace it (through <see cref="MarketMakingExecutionModel"/>'s <c>CreateOrderRouter</c>) to route elsewhere.
/// </summary>
public interface IQuoteOrderRouter
{
    /// <summary>Submits a limit order; returns its order id, or null if it was rejected outright.</summary>
    /// <param name="symbol">Security.</param>
    /// <param name="quantity">Signed quantity (positive buys).</param>
    /// <param name="limitPrice">Limit price, on the tick grid.</param>
    /// <param name="tag">Order tag.</param>
    int? Submit(Symbol symbol, decimal quantity, decimal limitPrice, string tag);

    /// <summary>
    /// Submits a marketable limit order (a flattening clip at the touch): like <see cref="Submit"/> but never with
    /// the quotes' order properties, since a post-only flag would make the brokerage reject a marketable order.
    /// </summary>
    /// <returns>Its order id, or null if it was rejected outright.</returns>
    int? SubmitMarketable(Symbol symbol, decimal quantity, decimal limitPrice, string tag);

    /// <summary>
    /// Requests a move of a working order; <paramref name="quantity"/> is the new signed TOTAL quantity (LEAN semantics,
    /// fills included). Acceptance is not success: the request may still be rejected (<see cref="GetUpdateOutcome"/>).
    /// </summary>
    /// <returns>Whether the update request was accepted for processing.</returns>
    bool Update(int orderId, decimal quantity, decimal limitPrice, string tag);

    /// <summary>What became of the last accepted <see cref="Update"/> of the order.</summary>
    UpdateOutcome GetUpdateOutcome(int orderId);

    /// <summary>Requests cancellation of a working order.</summary>
    /// <returns>Whether the cancel request was accepted.</returns>
    bool Cancel(int orderId, string tag);

    /// <summary>Whether the order is still open (not filled, cancelled or invalid), as LEAN holds it now.</summary>
    bool IsOpen(int orderId);

    /// <summary>The order is closed (filled, cancelled or invalid): drop any handle kept for it.</summary>
    void Release(int orderId);

    /// <summary>
    /// Takes over an open order this router did not submit (after a restart), so that it can be updated and cancelled by
    /// id. The default adopts nothing.
    /// </summary>
    /// <returns>Whether the order is now handled by this router.</returns>
    bool Adopt(int orderId) => false;
}
