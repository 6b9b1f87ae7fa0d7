using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Orders;

namespace QuantConnect.Algorithm.Framework.Execution
{
    // LEAN: Algorithm/Execution/IExecutionModel.cs
    /// <summary>Algorithm framework model that executes portfolio targets.</summary>
    public interface IExecutionModel : INotifiedSecurityChanges
    {
        void Execute(QCAlgorithm algorithm, IPortfolioTarget[] targets);

        void OnOrderEvent(QCAlgorithm algorithm, OrderEvent orderEvent);
    }
}
