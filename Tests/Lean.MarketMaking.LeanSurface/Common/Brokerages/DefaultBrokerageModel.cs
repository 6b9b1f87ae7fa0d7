using QuantConnect.Orders;
using QuantConnect.Securities;

namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/DefaultBrokerageModel.cs (constructor and CanUpdateOrder, whose LEAN body is this one)
    /// <summary>Provides a default implementation of <see cref="IBrokerageModel"/> that allows all orders.</summary>
    public class DefaultBrokerageModel : IBrokerageModel
    {
        public DefaultBrokerageModel(AccountType accountType = AccountType.Margin)
        {
        }

        public virtual bool CanUpdateOrder(Security security, Order order, UpdateOrderRequest request, out BrokerageMessageEvent message)
        {
            message = null;
            return true;
        }
    }
}
