using QuantConnect.Securities;

namespace QuantConnect.Orders.Fees
{
    // LEAN: Common/Orders/Fees/OrderFee.cs
    /// <summary>Defines the result for IFeeModel.GetOrderFee.</summary>
    public class OrderFee
    {
        public CashAmount Value { get; set; }

        public OrderFee(CashAmount orderFee)
        {
            Value = orderFee;
        }

        public static readonly OrderFee Zero = new OrderFee(new CashAmount(0, "USD"));
    }
}
