namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/OrderResponse.cs
    /// <summary>Represents a response to an OrderRequest.</summary>
    public class OrderResponse
    {
        private OrderResponse()
        {
        }

        public bool IsSuccess => throw new System.NotImplementedException();
    }
}
