namespace QuantConnect.Statistics
{
    // LEAN: Common/Statistics/StatisticsResults.cs
    /// <summary>Total and rolling statistics of an algorithm; only the type is mirrored (so that QCAlgorithm.Statistics exists
    /// and a subclass member of that name is caught as hiding it, CS0108, as it is against LEAN).</summary>
    public class StatisticsResults
    {
    }
}
