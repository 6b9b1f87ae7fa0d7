namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/SecurityHolding.cs
    /// <summary>SecurityHolding is a base class for purchasing and holding a market item which manages the asset portfolio.</summary>
    public class SecurityHolding
    {
        /// <summary>Surface-only test constructor (LEAN's is SecurityHolding(Security, ICurrencyConverter)).</summary>
        internal SecurityHolding()
        {
        }

        public decimal Quantity { get; protected set; }

        public virtual decimal NetProfit => throw new System.NotImplementedException();

        public virtual decimal UnrealizedProfit => throw new System.NotImplementedException();

        /// <summary>Surface-only test hook (LEAN changes holdings through fills).</summary>
        internal void SetQuantityForTests(decimal quantity) => Quantity = quantity;
    }
}
