using System;
using QuantConnect.Orders.Fees;

namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/OrderEvent.cs
    /// <summary>Order Event - Messaging class signifying a change in an order state.</summary>
    public class OrderEvent
    {
        public int OrderId { get; set; }

        public int Id { get; set; }

        public Symbol Symbol { get; set; }

        public DateTime UtcTime { get; set; }

        public OrderStatus Status { get; set; }

        public OrderFee OrderFee { get; set; }

        public decimal FillPrice { get; set; }

        public string FillPriceCurrency { get; set; }

        public decimal FillQuantity { get; set; }

        public decimal AbsoluteFillQuantity => Math.Abs(FillQuantity);

        public OrderDirection Direction { get; set; }

        public string Message { get; set; }

        public decimal? LimitPrice { get; set; }

        public decimal Quantity { get; set; }

        public OrderTicket Ticket { get; set; }

        public OrderEvent()
        {
        }

        public OrderEvent(Order order, DateTime utcTime, OrderFee orderFee, string message = "")
        {
            OrderId = order.Id;
            Symbol = order.Symbol;
            Status = order.Status;
            Quantity = order.Quantity;
            Direction = order.Direction;
            FillPriceCurrency = order.PriceCurrency;
            UtcTime = utcTime;
            OrderFee = orderFee;
            Message = message;
        }
    }
}
