namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/OrderRequest.cs
    /// <summary>Represents a request to submit, update, or cancel an order.</summary>
    public abstract class OrderRequest
    {
        internal OrderRequest()
        {
        }

        public OrderRequestStatus Status
        {
            get; private set;
        }

        public OrderResponse Response
        {
            get; private set;
        }
    }
}
