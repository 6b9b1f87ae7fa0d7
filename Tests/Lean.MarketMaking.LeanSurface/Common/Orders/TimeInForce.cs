namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/TimeInForce.cs (LEAN also implements ITimeInForceHandler and has GoodTilDate, not mirrored)
    /// <summary>Time In Force - defines the length of time over which an order will continue working before it is canceled.</summary>
    public abstract class TimeInForce
    {
        public static readonly TimeInForce GoodTilCanceled = new GoodTilCanceledSurface();

        public static readonly TimeInForce Day = new DaySurface();

        private sealed class DaySurface : TimeInForce
        {
        }

        private sealed class GoodTilCanceledSurface : TimeInForce
        {
        }
    }
}
