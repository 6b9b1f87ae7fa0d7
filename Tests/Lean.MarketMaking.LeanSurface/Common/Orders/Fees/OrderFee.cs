namespace QuantConnect.Orders.Fees
{
    // LEAN: Common/Orders/Fees/OrderFee.cs (the CashAmount value and constructor are not mirrored)
    /// <summary>Defines the result for IFeeModel.GetOrderFee.</summary>
    public class OrderFee
    {
        private OrderFee()
        {
        }

        public static readonly OrderFee Zero = new OrderFee();
    }
}
