namespace QuantConnect.Indicators
{
    // LEAN: Common/Indicators/IIndicatorWarmUpPeriodProvider.cs
    /// <summary>An indicator that knows how many samples it needs before it is ready.</summary>
    public interface IIndicatorWarmUpPeriodProvider
    {
        int WarmUpPeriod { get; }
    }
}
