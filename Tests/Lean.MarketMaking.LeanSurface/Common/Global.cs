namespace QuantConnect
{
    // LEAN: Common/Global.cs
    /// <summary>Type of tradable security / underlying asset.</summary>
    public enum SecurityType
    {
        Base,
        Equity,
        Option,
        Commodity,
        Forex,
        Future,
        Cfd,
        Crypto,
        FutureOption,
        Index,
        IndexOption,
        CryptoFuture,
    }

    // LEAN: Common/Global.cs
    /// <summary>Types of tick data.</summary>
    public enum TickType
    {
        Trade,
        Quote,
        OpenInterest
    }
}
