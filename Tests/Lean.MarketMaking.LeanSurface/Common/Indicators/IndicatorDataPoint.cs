using System;
using QuantConnect.Data;

namespace QuantConnect.Indicators
{
    // LEAN: Common/Indicators/IndicatorDataPoint.cs (LEAN also implements IEquatable/IComparable, not mirrored)
    /// <summary>A (time, value) data point produced or consumed by indicators. Holds values.</summary>
    public class IndicatorDataPoint : BaseData
    {
        public IndicatorDataPoint()
        {
            Value = 0m;
            Time = DateTime.MinValue;
        }

        public IndicatorDataPoint(DateTime time, decimal value)
        {
            Time = time;
            Value = value;
        }

        public IndicatorDataPoint(Symbol symbol, DateTime time, decimal value)
        {
            Symbol = symbol;
            Time = time;
            Value = value;
        }

        public static implicit operator decimal(IndicatorDataPoint instance) => instance.Value;
    }
}
