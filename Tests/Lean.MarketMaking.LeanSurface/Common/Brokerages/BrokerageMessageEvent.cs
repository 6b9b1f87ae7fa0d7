namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/BrokerageMessageEvent.cs (type only: CanUpdateOrder's out parameter)
    /// <summary>Represents a message received from a brokerage.</summary>
    public class BrokerageMessageEvent
    {
    }
}
