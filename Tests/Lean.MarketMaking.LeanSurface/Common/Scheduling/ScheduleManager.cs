using System;

namespace QuantConnect.Scheduling
{
    // LEAN: Common/Scheduling/ScheduleManager.cs (LEAN also implements IEventSchedule, not mirrored)
    /// <summary>Provides access to the real time handler's event scheduling feature.</summary>
    public class ScheduleManager
    {
        private ScheduleManager()
        {
        }

        public DateRules DateRules { get; }

        public TimeRules TimeRules { get; }

        public ScheduledEvent On(IDateRule dateRule, ITimeRule timeRule, Action callback) => throw new NotImplementedException();
    }
}
