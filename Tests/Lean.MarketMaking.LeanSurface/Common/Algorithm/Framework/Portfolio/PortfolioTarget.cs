using QuantConnect.Algorithm.Framework.Alphas;

namespace QuantConnect.Algorithm.Framework.Portfolio
{
    // LEAN: Common/Algorithm/Framework/Portfolio/PortfolioTarget.cs (not sealed in LEAN; Percent(...) helpers not mirrored)
    /// <summary>Provides an implementation of IPortfolioTarget that specifies a specified quantity of a security to be held by the algorithm.</summary>
    public class PortfolioTarget : IPortfolioTarget
    {
        public Symbol Symbol { get; }

        public decimal Quantity { get; }

        public string Tag { get; }

        public PortfolioTarget(Symbol symbol, decimal quantity, string tag = "")
        {
            Symbol = symbol;
            Quantity = quantity;
            Tag = tag;
        }

        public PortfolioTarget(Symbol symbol, int quantity, string tag = "")
            : this(symbol, (decimal)quantity, tag)
        {
        }

        public PortfolioTarget(Symbol symbol, InsightDirection insightDirection, string tag = "")
            : this(symbol, (decimal)(int)insightDirection, tag)
        {
        }

        public override string ToString() => $"{Symbol}: {Quantity}";
    }
}
