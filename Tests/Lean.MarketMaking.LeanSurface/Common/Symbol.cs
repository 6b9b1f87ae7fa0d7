using System;

namespace QuantConnect
{
    // LEAN: Common/Symbol.cs
    /// <summary>Represents a unique security identifier (here: ticker, security type and market).</summary>
    public sealed class Symbol : IEquatable<Symbol>, IComparable
    {
        private readonly string _market;

        private Symbol(string value, SecurityType securityType, string market)
        {
            Value = value;
            SecurityType = securityType;
            _market = market;
            ID = new SecurityIdentifier(market);
        }

        public static Symbol Create(string ticker, SecurityType securityType, string market, string alias = null, Type baseDataType = null)
            => new Symbol(alias ?? ticker.ToUpperInvariant(), securityType, market);

        public string Value { get; private set; }

        public SecurityType SecurityType { get; }

        public SecurityIdentifier ID { get; private set; }

        // no canonical (chain) symbol can be created here
        public bool IsCanonical() => false;

        public override bool Equals(object obj) => Equals(obj as Symbol);

        public override int GetHashCode() => HashCode.Combine(Value, SecurityType, _market);

        public int CompareTo(object obj) => string.CompareOrdinal(Value, (obj as Symbol)?.Value);

        public override string ToString() => Value;

        public bool Equals(Symbol other) =>
            other is not null && other.Value == Value && other.SecurityType == SecurityType && other._market == _market;
    }
}
