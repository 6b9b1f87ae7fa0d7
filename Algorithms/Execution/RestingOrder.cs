namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// An open order LEAN reports for a quoted security that the execution model did not place in this run (after a
/// restart: the brokerage's open orders), as <see cref="MarketMakingExecutionModel.AdoptOpenOrders"/> sees it.
/// </summary>
/// <param name="OrderId">LEAN order id.</param>
/// <param name="Quantity">Signed total quantity (positive buys), fills included.</param>
/// <param name="Filled">Signed quantity filled so far.</param>
/// <param name="LimitPrice">Limit price of a limit order; null for any other order type.</param>
public sealed record RestingOrder(int OrderId, decimal Quantity, decimal Filled, decimal? LimitPrice);
