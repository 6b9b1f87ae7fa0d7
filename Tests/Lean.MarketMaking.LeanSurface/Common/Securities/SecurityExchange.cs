using NodaTime;

namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/SecurityExchange.cs
    /// <summary>Base exchange class providing information and helper tools for reading the current exchange situation.</summary>
    public class SecurityExchange
    {
        public SecurityExchangeHours Hours { get; private set; }

        public DateTimeZone TimeZone => throw new System.NotImplementedException();
    }
}
