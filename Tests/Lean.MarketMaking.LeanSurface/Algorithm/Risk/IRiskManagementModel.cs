using System.Collections.Generic;
using QuantConnect.Algorithm.Framework.Portfolio;

namespace QuantConnect.Algorithm.Framework.Risk
{
    // LEAN: Algorithm/Risk/IRiskManagementModel.cs
    /// <summary>Algorithm framework model that manages an algorithm's risk/targets.</summary>
    public interface IRiskManagementModel : INotifiedSecurityChanges
    {
        IEnumerable<IPortfolioTarget> ManageRisk(QCAlgorithm algorithm, IPortfolioTarget[] targets);
    }
}
