using System;
using QuantConnect.Brokerages;
using QuantConnect.Commands;
using QuantConnect.Data;
using QuantConnect.Interfaces;
using QuantConnect.Orders;
using QuantConnect.Securities;
using QuantConnect.Securities.Crypto;
using QuantConnect.Securities.Equity;
using QuantConnect.Securities.Forex;
using QuantConnect.Statistics;

namespace QuantConnect.Algorithm
{
    // LEAN: Algorithm/QCAlgorithm.cs (IAlgorithm's members are not mirrored)
    // LEAN: Algorithm/QCAlgorithm.Trading.cs
    /// <summary>QC Algorithm Base Class: only the members the plugin calls. Behaviour throws: tests go through the modules' seams.</summary>
    public partial class QCAlgorithm : MarshalByRefObject, IAlgorithm
    {
        public QCAlgorithm()
        {
            // as LEAN's constructor
            DefaultOrderProperties = new OrderProperties();
            _brokerageModel = new DefaultBrokerageModel();
        }

        public SecurityTransactionManager Transactions { get; set; }

        public DateTime Time => throw new NotImplementedException();

        public DateTime UtcTime => throw new NotImplementedException();

        public StatisticsResults Statistics => throw new NotImplementedException();

        // null unless a test sets it (LEAN: set by the engine before each OnData)
        public Slice CurrentSlice { get; private set; }

        internal void SetLiveModeForTests(bool liveMode) => LiveModeForTests = liveMode;

        internal void SetCurrentSliceForTests(Slice slice) => CurrentSlice = slice;

        public virtual void Initialize()
        {
        }

        public virtual void OnData(Slice slice)
        {
        }

        public virtual void OnEndOfAlgorithm()
        {
        }

        public virtual void OnOrderEvent(OrderEvent orderEvent)
        {
        }

        public virtual void OnEndOfDay(Symbol symbol)
        {
        }

        public string GetParameter(string name, string defaultValue = null) => throw new NotImplementedException();

        public int GetParameter(string name, int defaultValue) => throw new NotImplementedException();

        public double GetParameter(string name, double defaultValue) => throw new NotImplementedException();

        public decimal GetParameter(string name, decimal defaultValue) => throw new NotImplementedException();

        public void SetCash(decimal startingCash) => throw new NotImplementedException();

        public void SetStartDate(int year, int month, int day) => throw new NotImplementedException();

        public void SetEndDate(int year, int month, int day) => throw new NotImplementedException();

        public Equity AddEquity(string ticker, Resolution? resolution = null, string market = null, bool fillForward = true, decimal leverage = Security.NullLeverage, bool extendedMarketHours = false, DataNormalizationMode? dataNormalizationMode = null)
            => throw new NotImplementedException();

        public Forex AddForex(string ticker, Resolution? resolution = null, string market = null, bool fillForward = true, decimal leverage = Security.NullLeverage)
            => throw new NotImplementedException();

        public Crypto AddCrypto(string ticker, Resolution? resolution = null, string market = null, bool fillForward = true, decimal leverage = Security.NullLeverage)
            => throw new NotImplementedException();

        public void AddCommand<T>() where T : Command => throw new NotImplementedException();

        public void SetBenchmark(Symbol symbol) => throw new NotImplementedException();

        public void Debug(string message) => throw new NotImplementedException();

        public void Log(string message) => throw new NotImplementedException();

        public OrderTicket LimitOrder(Symbol symbol, decimal quantity, decimal limitPrice, bool asynchronous = false, string tag = "", IOrderProperties orderProperties = null)
            => throw new NotImplementedException();
    }
}
