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

    // LEAN: Common/Global.cs
    /// <summary>Specifies how data is normalized before being sent into an algorithm.</summary>
    public enum DataNormalizationMode
    {
        Raw,
        Adjusted,
        SplitAdjusted,
        TotalReturn,
        ForwardPanamaCanal,
        BackwardsPanamaCanal,
        BackwardsRatio,
        ScaledRaw,
    }
}
