using System;

namespace QuantConnect
{
    // LEAN: Common/SecurityIdentifier.cs (only Market; here it holds the market string it is built with)
    /// <summary>Defines a unique identifier for securities.</summary>
    public class SecurityIdentifier : IEquatable<SecurityIdentifier>, IComparable<SecurityIdentifier>, IComparable
    {
        internal SecurityIdentifier(string market) => Market = market;

        public string Market { get; }

        public bool Equals(SecurityIdentifier other) => other is not null && other.Market == Market;

        public override bool Equals(object obj) => Equals(obj as SecurityIdentifier);

        public override int GetHashCode() => Market?.GetHashCode() ?? 0;

        public int CompareTo(SecurityIdentifier other) => string.CompareOrdinal(Market, other?.Market);

        public int CompareTo(object obj) => CompareTo(obj as SecurityIdentifier);
    }
}
