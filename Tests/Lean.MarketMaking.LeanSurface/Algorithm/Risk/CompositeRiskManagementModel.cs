using System.Collections.Generic;
using System.Linq;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Data.UniverseSelection;

namespace QuantConnect.Algorithm.Framework.Risk
{
    // LEAN: Algorithm/Risk/CompositeRiskManagementModel.cs (PyObject overloads not mirrored)
    /// <summary>
    /// Provides an implementation of IRiskManagementModel that combines multiple risk models into a single risk
    /// management model: what <c>QCAlgorithm.AddRiskManagement</c> builds. The bodies are LEAN's (a model's targets are
    /// preferred over the ones it was given, so the last model added wins a symbol), so tests compose models as LEAN does.
    /// </summary>
    public class CompositeRiskManagementModel : RiskManagementModel
    {
        private readonly List<IRiskManagementModel> _riskManagementModels = new List<IRiskManagementModel>();

        public CompositeRiskManagementModel(params IRiskManagementModel[] riskManagementModels)
        {
            _riskManagementModels.AddRange(riskManagementModels);
        }

        public override IEnumerable<IPortfolioTarget> ManageRisk(QCAlgorithm algorithm, IPortfolioTarget[] targets)
        {
            foreach (var model in _riskManagementModels)
            {
                var riskAdjusted = model.ManageRisk(algorithm, targets);
                targets = riskAdjusted.Concat(targets).DistinctBy(t => t.Symbol).ToArray();
            }

            return targets;
        }

        public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
        {
            foreach (var model in _riskManagementModels)
            {
                model.OnSecuritiesChanged(algorithm, changes);
            }
        }

        public void AddRiskManagement(IRiskManagementModel riskManagementModel)
        {
            _riskManagementModels.Add(riskManagementModel);
        }
    }
}
