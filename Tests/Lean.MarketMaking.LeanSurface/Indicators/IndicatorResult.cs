namespace QuantConnect.Indicators
{
    // LEAN: Indicators/IndicatorResult.cs
    /// <summary>The value an indicator computed and the status of the computation. Holds values.</summary>
    public class IndicatorResult
    {
        public decimal Value { get; private set; }

        public IndicatorStatus Status { get; private set; }

        public IndicatorResult(decimal value, IndicatorStatus status = IndicatorStatus.Success)
        {
            Value = value;
            Status = status;
        }

        public static implicit operator IndicatorResult(decimal value) => new IndicatorResult(value);
    }
}
