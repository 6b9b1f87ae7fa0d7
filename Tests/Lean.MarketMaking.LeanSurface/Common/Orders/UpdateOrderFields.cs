namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/UpdateOrderFields.cs
    /// <summary>Specifies the data in an order to be updated.</summary>
    public class UpdateOrderFields
    {
        public decimal? Quantity { get; set; }

        public decimal? LimitPrice { get; set; }

        public decimal? StopPrice { get; set; }

        public decimal? TriggerPrice { get; set; }

        public decimal? TrailingAmount { get; set; }

        public string Tag { get; set; }
    }
}
