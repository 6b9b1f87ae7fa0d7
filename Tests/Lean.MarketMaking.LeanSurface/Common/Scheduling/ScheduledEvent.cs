namespace QuantConnect.Scheduling
{
    // LEAN: Common/Scheduling/ScheduledEvent.cs (type only: what ScheduleManager.On returns)
    /// <summary>Real time self scheduling event.</summary>
    public class ScheduledEvent
    {
        private ScheduledEvent()
        {
        }
    }
}
