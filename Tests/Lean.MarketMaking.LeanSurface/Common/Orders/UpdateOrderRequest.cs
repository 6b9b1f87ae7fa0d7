using System;

namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/UpdateOrderRequest.cs
    /// <summary>Defines a request to update an order's values.</summary>
    public class UpdateOrderRequest : OrderRequest
    {
        public UpdateOrderRequest(DateTime time, int orderId, UpdateOrderFields fields)
        {
        }
    }
}
