namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/OrderRequestStatus.cs
    /// <summary>Specifies the status of a request.</summary>
    public enum OrderRequestStatus
    {
        Unprocessed,

        Processing,

        Processed,

        Error
    }
}
