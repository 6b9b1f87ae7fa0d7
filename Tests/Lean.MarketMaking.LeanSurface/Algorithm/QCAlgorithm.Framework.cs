using System;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Algorithm.Framework.Execution;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Algorithm.Framework.Risk;

namespace QuantConnect.Algorithm
{
    // LEAN: Algorithm/QCAlgorithm.Framework.cs
    public partial class QCAlgorithm
    {
        public void SetAlpha(IAlphaModel alpha) => throw new NotImplementedException();

        public void AddAlpha(IAlphaModel alpha) => throw new NotImplementedException();

        public void SetPortfolioConstruction(IPortfolioConstructionModel portfolioConstruction) => throw new NotImplementedException();

        public void SetExecution(IExecutionModel execution) => throw new NotImplementedException();

        public void SetRiskManagement(IRiskManagementModel riskManagement) => throw new NotImplementedException();

        public void AddRiskManagement(IRiskManagementModel riskManagement) => throw new NotImplementedException();
    }
}
