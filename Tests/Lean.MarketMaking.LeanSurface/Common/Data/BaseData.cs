using System;

namespace QuantConnect.Data
{
    // LEAN: Common/Data/BaseData.cs (LEAN also implements IBaseData, not mirrored)
    /// <summary>Abstract base data class of QuantConnect.</summary>
    public abstract class BaseData
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
