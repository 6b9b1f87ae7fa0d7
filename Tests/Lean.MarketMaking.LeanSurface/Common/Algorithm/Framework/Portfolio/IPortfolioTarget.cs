namespace QuantConnect.Algorithm.Framework.Portfolio
{
    // LEAN: Common/Algorithm/Framework/Portfolio/IPortfolioTarget.cs
    /// <summary>Represents a portfolio target: a fixed number of units of a symbol.</summary>
    public interface IPortfolioTarget
    {
        Symbol Symbol { get; }

        decimal Quantity { get; }

        string Tag { get; }
    }
}
