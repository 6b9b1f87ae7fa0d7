using System;
using System.Collections.Generic;
using System.Linq;
using QuantConnect.Data;
using QuantConnect.Data.Market;

namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/SecurityCache.cs
    /// <summary>Base class caching spot for security data and any other temporary properties.</summary>
    /// <remarks>Surface: a simplified store (last data, last step's ticks, top of book), enough for tests.</remarks>
    public class SecurityCache
    {
        private BaseData _lastData;
        private List<Tick> _lastTicks = new();

        public decimal Price { get; private set; }

        public decimal BidPrice { get; private set; }

        public decimal AskPrice { get; private set; }

        public decimal BidSize { get; private set; }

        public decimal AskSize { get; private set; }

        public void AddDataList(IReadOnlyList<BaseData> data, Type dataType, bool? containsFillForwardData = null, bool isInternalConfig = false)
        {
            if (dataType == typeof(Tick))
            {
                _lastTicks = new List<Tick>();
            }

            foreach (var datum in data)
            {
                AddData(datum);
            }
        }

        public void AddData(BaseData data)
        {
            _lastData = data;
            if (data is Tick tick)
            {
                _lastTicks.Add(tick);
                // as LEAN's ProcessDataPoint: any tick's non-zero value is the price (a quote tick's mid)
                if (tick.Value != 0)
                {
                    Price = tick.Value;
                }

                if (tick.TickType == TickType.Quote)
                {
                    BidPrice = tick.BidPrice;
                    AskPrice = tick.AskPrice;
                    BidSize = tick.BidSize;
                    AskSize = tick.AskSize;
                    return;
                }
            }

            Price = data.Price;
        }

        public BaseData GetData() => _lastData;

        public IEnumerable<T> GetAll<T>() =>
            typeof(T) == typeof(Tick) ? _lastTicks.Cast<T>() : throw new NotImplementedException();

        public void Reset()
        {
            _lastData = null;
            _lastTicks = new List<Tick>();
            Price = BidPrice = AskPrice = BidSize = AskSize = 0;
        }
    }
}
