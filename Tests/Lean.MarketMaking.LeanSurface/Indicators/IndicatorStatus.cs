namespace QuantConnect.Indicators
{
    // LEAN: Indicators/IndicatorStatus.cs
    /// <summary>The status of an indicator update.</summary>
    public enum IndicatorStatus
    {
        Success,

        InvalidInput,

        MathError,

        ValueNotReady
    }
}
