using System.Collections.Generic;
using QuantConnect.Algorithm.Framework.Alphas;

namespace QuantConnect.Algorithm.Framework.Portfolio
{
    // LEAN: Algorithm/Portfolio/IPortfolioConstructionModel.cs
    /// <summary>Algorithm framework model that converts insights into portfolio targets.</summary>
    public interface IPortfolioConstructionModel : INotifiedSecurityChanges
    {
        IEnumerable<IPortfolioTarget> CreateTargets(QCAlgorithm algorithm, Insight[] insights);
    }
}
