namespace QuantConnect
{
    // LEAN: Common/Global.cs
    /// <summary>Resolution of data requested.</summary>
    public enum Resolution
    {
        Tick,

        Second,

        Minute,

        Hour,

        Daily
    }
}
