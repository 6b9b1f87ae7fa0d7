using System;
using System.Collections.Generic;
using QuantConnect.Interfaces;
using QuantConnect.Securities;

namespace QuantConnect.Orders.Fills
{
    // LEAN: Common/Orders/Fills/FillModelParameters.cs
    /// <summary>Defines the parameters for the IFillModel method.</summary>
    public class FillModelParameters
    {
        public Security Security { get; }

        public Order Order { get; }

        public ISubscriptionDataConfigProvider ConfigProvider { get; }

        public TimeSpan StalePriceTimeSpan { get; }

        public Dictionary<Order, Security> SecuritiesForOrders { get; }

        public Action<Order> OnOrderUpdated { get; }

        public FillModelParameters(
            Security security,
            Order order,
            ISubscriptionDataConfigProvider configProvider,
            TimeSpan stalePriceTimeSpan,
            Dictionary<Order, Security> securitiesForOrders,
            Action<Order> onOrderUpdated = null)
        {
            Security = security;
            Order = order;
            ConfigProvider = configProvider;
            StalePriceTimeSpan = stalePriceTimeSpan;
            SecuritiesForOrders = securitiesForOrders;
            OnOrderUpdated = onOrderUpdated ?? (_ => { });
        }
    }
}
