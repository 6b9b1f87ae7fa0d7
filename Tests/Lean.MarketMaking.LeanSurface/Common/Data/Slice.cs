using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using QuantConnect.Data.Market;

namespace QuantConnect.Data
{
    // LEAN: Common/Data/Slice.cs
    /// <summary>Provides a data structure for all of an algorithm's data at a single time step.</summary>
    public class Slice : ExtendedDictionary<Symbol, dynamic>, IEnumerable<KeyValuePair<Symbol, BaseData>>
    {
        private readonly Dictionary<Symbol, BaseData> _last = new();

        public DateTime Time { get; private set; }

        public DateTime UtcTime { get; private set; }

        public Ticks Ticks { get; } = new Ticks();

        public Slice(DateTime time, IEnumerable<BaseData> data, DateTime utcTime)
        {
            Time = time;
            UtcTime = utcTime;
            foreach (var datum in data ?? Enumerable.Empty<BaseData>())
            {
                _last[datum.Symbol] = datum;
                if (datum is Tick tick)
                {
                    if (!Ticks.TryGetValue(tick.Symbol, out var list))
                    {
                        list = new List<Tick>();
                        Ticks[tick.Symbol] = list;
                    }

                    list.Add(tick);
                }
            }
        }

        public override int Count => _last.Count;

        public override bool TryGetValue(Symbol symbol, out dynamic data)
        {
            var found = _last.TryGetValue(symbol, out var datum);
            data = datum;
            return found;
        }

        public override IEnumerable<KeyValuePair<Symbol, dynamic>> GetItems() =>
            _last.Select(pair => new KeyValuePair<Symbol, dynamic>(pair.Key, pair.Value));

        protected override IEnumerable<Symbol> GetKeys => _last.Keys;

        protected override IEnumerable<dynamic> GetValues => _last.Values;

        public override dynamic this[Symbol symbol]
        {
            get => _last[symbol];
            set => throw new NotImplementedException();
        }

        public IEnumerator<KeyValuePair<Symbol, BaseData>> GetEnumerator() => _last.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
