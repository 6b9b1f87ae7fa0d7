namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/OrderSubmissionData.cs
    /// <summary>The security's bid, ask and last price when the order was submitted.</summary>
    public class OrderSubmissionData
    {
        public decimal BidPrice { get; }

        public decimal AskPrice { get; }

        public decimal LastPrice { get; }

        public OrderSubmissionData(decimal bidPrice, decimal askPrice, decimal lastPrice)
        {
            BidPrice = bidPrice;
            AskPrice = askPrice;
            LastPrice = lastPrice;
        }
    }
}
