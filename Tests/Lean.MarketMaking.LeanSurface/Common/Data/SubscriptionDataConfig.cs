using System;
using NodaTime;

namespace QuantConnect.Data
{
    // LEAN: Common/Data/SubscriptionDataConfig.cs
    /// <summary>Subscription data required including the type of data (here: symbol, tick type, resolution, exchange time zone).</summary>
    public class SubscriptionDataConfig : IEquatable<SubscriptionDataConfig>
    {
        // test-only construction hook (LEAN's constructors take the data type, fill-forward, extended hours, ...)
        internal SubscriptionDataConfig(Symbol symbol, TickType tickType, Resolution resolution, DateTimeZone exchangeTimeZone)
        {
            Symbol = symbol;
            TickType = tickType;
            Resolution = resolution;
            ExchangeTimeZone = exchangeTimeZone;
        }

        public Symbol Symbol { get; private set; }

        public TickType TickType { get; }

        public Resolution Resolution { get; }

        public DateTimeZone ExchangeTimeZone { get; }

        public bool Equals(SubscriptionDataConfig other) => ReferenceEquals(this, other);
    }
}
