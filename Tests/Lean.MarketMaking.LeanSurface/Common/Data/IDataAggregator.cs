using System;
using System.Collections.Generic;

namespace QuantConnect.Data
{
    // LEAN: Common/Data/IDataAggregator.cs
    /// <summary>Aggregates ticks and bars based on given subscriptions (Initialize, called by the engine, is not mirrored).</summary>
    public interface IDataAggregator : IDisposable
    {
        IEnumerator<BaseData> Add(SubscriptionDataConfig dataConfig, EventHandler newDataAvailableHandler);

        bool Remove(SubscriptionDataConfig dataConfig);

        void Update(BaseData input);
    }
}
