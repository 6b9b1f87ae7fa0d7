using System;

namespace QuantConnect.Data
{
    // LEAN: Common/Data/BaseData.cs
    /// <summary>Abstract base data class of QuantConnect.</summary>
    public abstract class BaseData : IBaseData
    {
        public DateTime Time { get; set; }

        public virtual DateTime EndTime
        {
            get { return Time; }
            set { Time = value; }
        }

        public Symbol Symbol { get; set; }

        public virtual decimal Value { get; set; }

        public virtual decimal Price => Value;

        public BaseData()
        {
        }
    }
}
