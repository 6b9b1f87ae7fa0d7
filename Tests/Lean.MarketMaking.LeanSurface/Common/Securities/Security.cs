using System;
using System.Dynamic;
using QuantConnect.Data;
using QuantConnect.Orders.Fees;
using QuantConnect.Orders.Fills;
using QuantConnect.Securities.Interfaces;

namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/Security.cs (LEAN also implements ISecurityPrice, not mirrored)
    /// <summary>A base vehicle properties class for providing a common interface to all assets in QuantConnect.</summary>
    public class Security : DynamicObject
    {
        private DateTime _localTime;

        public const decimal NullLeverage = 0;

        /// <summary>Surface-only test constructor (LEAN's constructors need exchange hours, configs, cash...).</summary>
        internal Security(Symbol symbol, SymbolProperties symbolProperties)
        {
            Symbol = symbol;
            SymbolProperties = symbolProperties;
            Cache = new SecurityCache();
            Holdings = new SecurityHolding();
            QuoteCurrency = new Cash(symbolProperties.QuoteCurrency, 0, 1);
        }

        public Symbol Symbol { get; }

        public SymbolProperties SymbolProperties { get; protected set; }

        public SecurityCache Cache { get; set; }

        public SecurityHolding Holdings { get; set; }

        public SecurityExchange Exchange { get; set; }

        public IFillModel FillModel { get; set; }

        public Cash QuoteCurrency { get; }

        public IFeeModel FeeModel { get; set; }

        public ISecurityDataFilter DataFilter
        {
            get;
            set;
        }

        public virtual DateTime LocalTime => _localTime;

        public virtual decimal Price => Cache.Price;

        public BaseData GetLastData() => Cache.GetData();

        public void SetFeeModel(IFeeModel feelModel)
        {
            FeeModel = feelModel;
        }

        public void SetFillModel(IFillModel fillModel)
        {
            FillModel = fillModel;
        }

        public void SetDataFilter(ISecurityDataFilter dataFilter)
        {
            DataFilter = dataFilter;
        }

        /// <summary>Surface-only test hook (LEAN sets the local time through a LocalTimeKeeper).</summary>
        internal void SetLocalTimeForTests(DateTime localTime) => _localTime = localTime;
    }
}
