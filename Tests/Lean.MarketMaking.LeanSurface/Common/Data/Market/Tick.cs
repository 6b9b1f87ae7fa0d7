using System;

namespace QuantConnect.Data.Market
{
    // LEAN: Common/Data/Market/Tick.cs
    /// <summary>Tick class is the base representation for tick data.</summary>
    public class Tick : BaseData
    {
        public TickType TickType { get; set; } = TickType.Trade;

        public decimal Quantity { get; set; }

        public decimal BidPrice { get; set; }

        public decimal AskPrice { get; set; }

        public decimal LastPrice => Value;

        public decimal BidSize { get; set; }

        public decimal AskSize { get; set; }

        public Tick()
        {
        }

        /// <summary>Trade tick.</summary>
        public Tick(DateTime time, Symbol symbol, string saleCondition, string exchange, decimal quantity, decimal price)
        {
            Time = time;
            Symbol = symbol;
            TickType = TickType.Trade;
            Quantity = quantity;
            Value = price;
        }

        /// <summary>Quote tick.</summary>
        public Tick(DateTime time, Symbol symbol, decimal bidSize, decimal bidPrice, decimal askSize, decimal askPrice)
        {
            Time = time;
            Symbol = symbol;
            TickType = TickType.Quote;
            BidSize = bidSize;
            BidPrice = bidPrice;
            AskSize = askSize;
            AskPrice = askPrice;
            Value = (bidPrice + askPrice) / 2m;
        }
    }
}
