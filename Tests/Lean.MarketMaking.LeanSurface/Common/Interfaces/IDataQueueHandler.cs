using System;
using System.Collections.Generic;
using QuantConnect.Data;
using QuantConnect.Packets;

namespace QuantConnect.Interfaces
{
    // LEAN: Common/Interfaces/IDataQueueHandler.cs
    /// <summary>Task requestor interface with cloud system (LEAN's live data source; exported to its Composer by [InheritedExport]).</summary>
    public interface IDataQueueHandler : IDisposable
    {
        IEnumerator<BaseData> Subscribe(SubscriptionDataConfig dataConfig, EventHandler newDataAvailableHandler);

        void Unsubscribe(SubscriptionDataConfig dataConfig);

        void SetJob(LiveNodePacket job);

        bool IsConnected { get; }
    }
}
