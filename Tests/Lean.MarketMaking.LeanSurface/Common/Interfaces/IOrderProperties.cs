using QuantConnect.Orders;

namespace QuantConnect.Interfaces
{
    // LEAN: Common/Interfaces/IOrderProperties.cs
    /// <summary>Contains additional properties and settings for an order.</summary>
    public interface IOrderProperties
    {
        TimeInForce TimeInForce { get; set; }

        IOrderProperties Clone();
    }
}
