using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Orders;
using QuantConnect.Python;

namespace QuantConnect.Algorithm.Framework.Execution
{
    // LEAN: Algorithm/Execution/ExecutionModel.cs
    /// <summary>Provides a base class for execution models.</summary>
    public class ExecutionModel : BasePythonWrapper<ExecutionModel>, IExecutionModel
    {
        protected bool Asynchronous { get; }

        public ExecutionModel(bool asynchronous = true)
        {
            Asynchronous = asynchronous;
        }

        public virtual void Execute(QCAlgorithm algorithm, IPortfolioTarget[] targets) => throw new System.NotImplementedException();

        public virtual void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
        {
        }

        public virtual void OnOrderEvent(QCAlgorithm algorithm, OrderEvent orderEvent)
        {
        }
    }
}
