namespace QuantConnect.Interfaces
{
    // LEAN: Common/Interfaces/ISubscriptionDataConfigProvider.cs (members not mirrored: the plugin never calls them)
    /// <summary>Reduced interface which provides access to registered SubscriptionDataConfig.</summary>
    public interface ISubscriptionDataConfigProvider
    {
    }
}
