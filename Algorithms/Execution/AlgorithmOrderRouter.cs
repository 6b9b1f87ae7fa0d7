using System.Collections.Generic;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Interfaces;
using QuantConnect.Orders;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// <see cref="IQuoteOrderRouter"/> over a running LEAN algorithm: limit orders through <c>QCAlgorithm.LimitOrder</c>
/// (quotes with the configured order properties, marketable flattening orders with the brokerage's defaults),
/// moves through <c>OrderTicket.Update(UpdateOrderFields)</c> (price and quantity in one request), cancels through
/// <c>OrderTicket.Cancel</c>. Keeps the tickets it created, by order id, until they are released.
/// </summary>
internal sealed class AlgorithmOrderRouter : IQuoteOrderRouter
{
    private readonly QCAlgorithm _algorithm;
    private readonly bool _asynchronous;
    private readonly IOrderProperties? _properties;
    private readonly Dictionary<int, OrderTicket> _tickets = new();

    public AlgorithmOrderRouter(QCAlgorithm algorithm, bool asynchronous, IOrderProperties? properties)
    {
        _algorithm = algorithm;
        _asynchronous = asynchronous;
        _properties = properties;
    }

    public int? Submit(Symbol symbol, decimal quantity, decimal limitPrice, string tag) =>
        Place(symbol, quantity, limitPrice, tag, _properties?.Clone());

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

    public bool Update(int orderId, decimal quantity, decimal limitPrice, string tag) =>
        _tickets.TryGetValue(orderId, out var ticket)
        && ticket.Update(new UpdateOrderFields { Quantity = quantity, LimitPrice = limitPrice, Tag = tag }).IsSuccess;

    public bool Cancel(int orderId, string tag) =>
        _tickets.TryGetValue(orderId, out var ticket) && ticket.Cancel(tag).IsSuccess;

    public void Release(int orderId) => _tickets.Remove(orderId);
}
