namespace QuantConnect.Algorithm.Framework.Alphas
{
    // LEAN: Common/Algorithm/Framework/Alphas/InsightType.cs
    /// <summary>Specifies the type of insight.</summary>
    public enum InsightType
    {
        Price,
        Volatility
    }
}
