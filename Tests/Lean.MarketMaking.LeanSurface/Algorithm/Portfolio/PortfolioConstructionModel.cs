using System;
using System.Collections.Generic;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data.UniverseSelection;

namespace QuantConnect.Algorithm.Framework.Portfolio
{
    // LEAN: Algorithm/Portfolio/PortfolioConstructionModel.cs (rebalancing/python members not mirrored)
    /// <summary>Provides a base class for portfolio construction models.</summary>
    public class PortfolioConstructionModel : IPortfolioConstructionModel
    {
        public virtual bool RebalanceOnSecurityChanges { get; set; } = true;

        public virtual bool RebalanceOnInsightChanges { get; set; } = true;

        public PortfolioConstructionModel(Func<DateTime, DateTime> rebalancingFunc = null)
        {
        }

        public virtual IEnumerable<IPortfolioTarget> CreateTargets(QCAlgorithm algorithm, Insight[] insights) => throw new NotImplementedException();

        public virtual void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes) => throw new NotImplementedException();
    }
}
