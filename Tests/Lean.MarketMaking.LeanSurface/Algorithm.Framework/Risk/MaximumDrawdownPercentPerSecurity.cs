using System.Collections.Generic;
using QuantConnect.Algorithm.Framework.Portfolio;

namespace QuantConnect.Algorithm.Framework.Risk
{
    // LEAN: Algorithm.Framework/Risk/MaximumDrawdownPercentPerSecurity.cs
    /// <summary>LEAN's stock risk model: a zero target for every holding whose unrealised loss exceeds the limit.</summary>
    public class MaximumDrawdownPercentPerSecurity : RiskManagementModel
    {
        public MaximumDrawdownPercentPerSecurity(
            decimal maximumDrawdownPercent = 0.05m
            )
        {
        }

        public override IEnumerable<IPortfolioTarget> ManageRisk(QCAlgorithm algorithm, IPortfolioTarget[] targets) => throw new System.NotImplementedException();
    }
}
