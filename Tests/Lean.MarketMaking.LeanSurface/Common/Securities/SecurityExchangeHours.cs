using System;

namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/SecurityExchangeHours.cs
    /// <summary>The market hours of a security's exchange.</summary>
    public class SecurityExchangeHours
    {
        public bool IsMarketAlwaysOpen { private set; get; }

        public DateTime GetPreviousMarketOpen(DateTime localDateTime, bool extendedMarketHours) => throw new NotImplementedException();

        public DateTime GetNextMarketClose(DateTime localDateTime, bool extendedMarketHours) => throw new NotImplementedException();

        public bool IsOpen(DateTime localDateTime, bool extendedMarketHours) => throw new NotImplementedException();
    }
}
