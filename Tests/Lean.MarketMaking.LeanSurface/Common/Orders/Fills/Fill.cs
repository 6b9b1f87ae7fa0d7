using System.Collections;
using System.Collections.Generic;

namespace QuantConnect.Orders.Fills
{
    // LEAN: Common/Orders/Fills/Fill.cs
    /// <summary>Defines a possible result for IFillModel.Fill for a single order.</summary>
    public class Fill : IEnumerable<OrderEvent>
    {
        private readonly List<OrderEvent> _events;

        public Fill(List<OrderEvent> orderEvents)
        {
            _events = orderEvents;
        }

        public Fill(OrderEvent orderEvent)
        {
            _events = new List<OrderEvent> { orderEvent };
        }

        public IEnumerator<OrderEvent> GetEnumerator() => _events.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
