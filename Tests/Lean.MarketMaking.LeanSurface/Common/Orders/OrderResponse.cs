namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/OrderResponse.cs
    /// <summary>Represents a response to an OrderRequest.</summary>
    public class OrderResponse
    {
        private OrderResponse()
        {
        }

        public int OrderId => throw new System.NotImplementedException();

        public string ErrorMessage => throw new System.NotImplementedException();

        public bool IsSuccess => throw new System.NotImplementedException();

        public bool IsError => throw new System.NotImplementedException();
    }
}
