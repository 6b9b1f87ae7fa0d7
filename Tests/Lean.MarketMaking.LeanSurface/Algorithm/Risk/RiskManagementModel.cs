using System.Collections.Generic;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Data.UniverseSelection;

namespace QuantConnect.Algorithm.Framework.Risk
{
    // LEAN: Algorithm/Risk/RiskManagementModel.cs
    /// <summary>Provides a base class for risk management models.</summary>
    public class RiskManagementModel : IRiskManagementModel
    {
        public virtual IEnumerable<IPortfolioTarget> ManageRisk(QCAlgorithm algorithm, IPortfolioTarget[] targets) => throw new System.NotImplementedException();

        public virtual void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
        {
        }
    }
}
