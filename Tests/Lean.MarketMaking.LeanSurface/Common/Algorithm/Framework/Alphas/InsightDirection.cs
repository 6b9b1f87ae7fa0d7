namespace QuantConnect.Algorithm.Framework.Alphas
{
    // LEAN: Common/Algorithm/Framework/Alphas/InsightDirection.cs
    /// <summary>Specifies the predicted direction for a insight (price/volatility).</summary>
    public enum InsightDirection
    {
        Down = -1,
        Flat = 0,
        Up = 1
    }
}
