using System;
using QuantConnect.Scheduling;
using QuantConnect.Storage;

namespace QuantConnect.Algorithm
{
    // LEAN: Algorithm/QCAlgorithm.cs
    // LEAN: Algorithm/QCAlgorithm.History.cs
    /// <summary>QCAlgorithm's live-deployment members the restart state uses: the object store, live mode, scheduled events, warm-up.</summary>
    public partial class QCAlgorithm
    {
        public ObjectStore ObjectStore { get; private set; }

        public bool LiveMode
        {
            get
            {
                return LiveModeForTests;
            }
        }

        public ScheduleManager Schedule
        {
            get;
            private set;
        }

        public bool IsWarmingUp
        {
            get;
            private set;
        }

        public void SetWarmUp(TimeSpan timeSpan) => throw new NotImplementedException();

        /// <summary>Test hook: the object store (LEAN sets it when the algorithm is created).</summary>
        internal void SetObjectStoreForTests(ObjectStore store) => ObjectStore = store;

        /// <summary>Test hook: whether the algorithm is warming up.</summary>
        internal void SetWarmingUpForTests(bool warmingUp) => IsWarmingUp = warmingUp;

        /// <summary>Test hook: live mode.</summary>
        internal bool LiveModeForTests { get; set; }
    }
}
