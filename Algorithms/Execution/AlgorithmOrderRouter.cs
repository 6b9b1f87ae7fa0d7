using System;
using System.Collections.Generic;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Interfaces;
using QuantConnect.Orders;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// <see cref="IQuoteOrderRouter"/> over a running LEAN algorithm: limit orders through <c>QCAlgorithm.LimitOrder</c>
/// (quotes with their security's order properties, e.g. post-only, marketable flattening clips with the brokerage's defaults),
/// moves through <c>OrderTicket.Update(UpdateOrderFields)</c> (price and quantity in one request), cancels through
/// <c>OrderTicket.Cancel</c>, order status through <c>Transactions.GetOrderById</c>. Keeps the tickets it created, and
/// the last update request of each, by order id, until they are released.
/// <para>
/// An update's outcome is read from its <c>UpdateOrderRequest.Status</c>, not from order events: LEAN answers
/// <c>OrderTicket.Update</c> with success as soon as the request is queued, and its transaction handler processes it
/// later (in a backtest between two time steps), marking it <c>Processed</c> or <c>Error</c>. A refusal by the brokerage
/// model leaves the order unchanged, but when the brokerage itself fails the update LEAN has already written the new
/// price into its order object, so the order events' <c>LimitPrice</c> would show a price the venue never accepted.
/// </para>
/// </summary>
internal sealed class AlgorithmOrderRouter : IQuoteOrderRouter
{
    private readonly QCAlgorithm _algorithm;
    private readonly bool _asynchronous;
    private readonly Func<Symbol, IOrderProperties?> _properties;
    private readonly Dictionary<int, OrderTicket> _tickets = new();
    private readonly Dictionary<int, UpdateOrderRequest> _updates = new();

    public AlgorithmOrderRouter(QCAlgorithm algorithm, bool asynchronous, Func<Symbol, IOrderProperties?> properties)
    {
        _algorithm = algorithm;
        _asynchronous = asynchronous;
        _properties = properties;
    }

    public int? Submit(Symbol symbol, decimal quantity, decimal limitPrice, string tag) =>
        Place(symbol, quantity, limitPrice, tag, _properties(symbol)?.Clone());

    public int? SubmitMarketable(Symbol symbol, decimal quantity, decimal limitPrice, string tag) =>
        Place(symbol, quantity, limitPrice, tag, null);

    private int? Place(Symbol symbol, decimal quantity, decimal limitPrice, string tag, IOrderProperties? properties)
    {
        var ticket = _algorithm.LimitOrder(symbol, quantity, limitPrice, _asynchronous, tag, properties);
        if (ticket is null || ticket.Status == OrderStatus.Invalid)
        {
            return null;
        }

        _tickets[ticket.OrderId] = ticket;
        return ticket.OrderId;
    }

    public bool Update(int orderId, decimal quantity, decimal limitPrice, string tag)
    {
        if (!_tickets.ContainsKey(orderId))
        {
            return false;
        }

        // the request OrderTicket.Update would build, kept to follow its status: reading it back from the ticket's
        // UpdateRequests copies every update request the order ever had, at each re-price
        var transactions = _algorithm.Transactions;
        var request = new UpdateOrderRequest(transactions.UtcTime, orderId,
            new UpdateOrderFields { Quantity = quantity, LimitPrice = limitPrice, Tag = tag });
        transactions.UpdateOrder(request);
        if (!request.Response.IsSuccess)
        {
            return false;
        }

        _updates[orderId] = request;
        return true;
    }

    public UpdateOutcome GetUpdateOutcome(int orderId) =>
        !_updates.TryGetValue(orderId, out var request) ? UpdateOutcome.Rejected
        : request.Status == OrderRequestStatus.Processed ? UpdateOutcome.Applied
        : request.Status == OrderRequestStatus.Error ? UpdateOutcome.Rejected
        : UpdateOutcome.Pending;

    public bool Cancel(int orderId, string tag) =>
        _tickets.TryGetValue(orderId, out var ticket) && ticket.Cancel(tag).IsSuccess;

    public bool IsOpen(int orderId) =>
        _algorithm.Transactions.GetOrderById(orderId) is { } order
        && order.Status is not (OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Invalid);

    public bool Adopt(int orderId)
    {
        if (_algorithm.Transactions.GetOrderTicket(orderId) is not { } ticket)
        {
            return false;
        }

        _tickets[orderId] = ticket;
        return true;
    }

    public void Release(int orderId)
    {
        _tickets.Remove(orderId);
        _updates.Remove(orderId);
    }
}
