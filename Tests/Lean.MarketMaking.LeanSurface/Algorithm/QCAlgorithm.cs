using System;
using QuantConnect.Interfaces;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace QuantConnect.Algorithm
{
    // LEAN: Algorithm/QCAlgorithm.cs (LEAN also implements IAlgorithm, not mirrored)
    // LEAN: Algorithm/QCAlgorithm.Trading.cs
    /// <summary>QC Algorithm Base Class: only the members the plugin calls. Behaviour throws: tests go through the modules' seams.</summary>
    public partial class QCAlgorithm : MarshalByRefObject
    {
        public QCAlgorithm()
        {
        }

        public SecurityTransactionManager Transactions { get; set; }

        public DateTime Time => throw new NotImplementedException();

        public DateTime UtcTime => throw new NotImplementedException();

        public void Log(string message) => throw new NotImplementedException();

        public OrderTicket LimitOrder(Symbol symbol, decimal quantity, decimal limitPrice, bool asynchronous = false, string tag = "", IOrderProperties orderProperties = null)
            => throw new NotImplementedException();
    }
}
