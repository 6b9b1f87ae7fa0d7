using System;
using System.Collections.Generic;

namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/OrderTicket.cs
    /// <summary>Provides a single reference to an order for the algorithm to maintain.</summary>
    public sealed class OrderTicket
    {
        private OrderTicket()
        {
        }

        public int OrderId => throw new NotImplementedException();

        public OrderStatus Status => throw new NotImplementedException();

        public Symbol Symbol
        {
            get { throw new NotImplementedException(); }
        }

        public decimal Quantity
        {
            get { throw new NotImplementedException(); }
        }

        public decimal QuantityRemaining => throw new NotImplementedException();

        public IReadOnlyList<UpdateOrderRequest> UpdateRequests
        {
            get { throw new NotImplementedException(); }
        }

        public string Tag => throw new NotImplementedException();

        public OrderResponse Update(UpdateOrderFields fields) => throw new NotImplementedException();

        public OrderResponse Cancel(string tag = null) => throw new NotImplementedException();
    }
}
