using QuantConnect.Orders;
using QuantConnect.Securities;

namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/IBrokerageModel.cs (only CanUpdateOrder: the execution model asks it up front)
    /// <summary>Models brokerage transactions, fees, and order.</summary>
    public interface IBrokerageModel
    {
        bool CanUpdateOrder(Security security, Order order, UpdateOrderRequest request, out BrokerageMessageEvent message);
    }
}
