using System;
using System.Collections.Generic;
using QuantConnect.Orders;

namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/SecurityTransactionManager.cs (LEAN also implements IOrderProvider, not mirrored)
    /// <summary>Algorithm Transactions Manager - Recording Transactions.</summary>
    public class SecurityTransactionManager
    {
        private SecurityTransactionManager()
        {
        }

        public DateTime UtcTime
        {
            get { throw new NotImplementedException(); }
        }

        public OrderTicket UpdateOrder(UpdateOrderRequest request) => throw new NotImplementedException();

        public IEnumerable<OrderTicket> GetOpenOrderTickets(Symbol symbol) => throw new NotImplementedException();

        public Order GetOrderById(int orderId) => throw new NotImplementedException();

        public OrderTicket GetOrderTicket(int orderId) => throw new NotImplementedException();

        public decimal GetOpenOrdersRemainingQuantity(Func<OrderTicket, bool> filter = null) => throw new NotImplementedException();
    }
}
