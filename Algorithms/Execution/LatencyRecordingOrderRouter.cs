using System;
using QuantConnect;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// An <see cref="IQuoteOrderRouter"/> that passes every request on and records, for each one the inner router took
/// (an order id returned, an update or cancel accepted), the wall-clock time since the step's data arrived
/// (<see cref="StepArrivalUtc"/>; nothing is recorded in a step without one) in a <see cref="TickToOrderLatency"/>.
/// </summary>
internal sealed class LatencyRecordingOrderRouter : IQuoteOrderRouter
{
    private readonly IQuoteOrderRouter _inner;
    private readonly TickToOrderLatency _latency;
    private readonly Func<DateTime> _utcNow;

    public LatencyRecordingOrderRouter(IQuoteOrderRouter inner, TickToOrderLatency latency, Func<DateTime> utcNow)
    {
        _inner = inner;
        _latency = latency;
        _utcNow = utcNow;
    }

    /// <summary>Arrival (UTC, wall clock) of the oldest data point of the current step, or null.</summary>
    public DateTime? StepArrivalUtc { get; set; }

    public int? Submit(Symbol symbol, decimal quantity, decimal limitPrice, string tag) =>
        Sent(_inner.Submit(symbol, quantity, limitPrice, tag));

    public int? SubmitMarketable(Symbol symbol, decimal quantity, decimal limitPrice, string tag) =>
        Sent(_inner.SubmitMarketable(symbol, quantity, limitPrice, tag));

    public bool Update(int orderId, decimal quantity, decimal limitPrice, string tag) =>
        Sent(_inner.Update(orderId, quantity, limitPrice, tag));

    public UpdateOutcome GetUpdateOutcome(int orderId) => _inner.GetUpdateOutcome(orderId);

    public bool Cancel(int orderId, string tag) => Sent(_inner.Cancel(orderId, tag));

    public bool IsOpen(int orderId) => _inner.IsOpen(orderId);

    public void Release(int orderId) => _inner.Release(orderId);

    private int? Sent(int? orderId)
    {
        Sent(orderId is not null);
        return orderId;
    }

    private bool Sent(bool taken)
    {
        if (taken && StepArrivalUtc is { } arrival)
        {
            _latency.Record(_utcNow() - arrival);
        }

        return taken;
    }
}
