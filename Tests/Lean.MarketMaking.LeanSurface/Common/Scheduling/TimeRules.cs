using System;

namespace QuantConnect.Scheduling
{
    // LEAN: Common/Scheduling/TimeRules.cs (LEAN derives from BaseScheduleRules, not mirrored)
    /// <summary>Helper class used to provide better syntax when defining time rules.</summary>
    public class TimeRules
    {
        private TimeRules()
        {
        }

        public ITimeRule Every(TimeSpan interval) => throw new NotImplementedException();
    }
}
