using System;

namespace QuantConnect.Scheduling
{
    // LEAN: Common/Scheduling/DateRules.cs (LEAN derives from BaseScheduleRules, not mirrored)
    /// <summary>Helper class used to provide better syntax when defining date rules.</summary>
    public class DateRules
    {
        private DateRules()
        {
        }

        public IDateRule EveryDay() => throw new NotImplementedException();
    }
}
