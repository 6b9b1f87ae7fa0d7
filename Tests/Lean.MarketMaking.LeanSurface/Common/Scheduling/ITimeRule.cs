namespace QuantConnect.Scheduling
{
    // LEAN: Common/Scheduling/ITimeRule.cs (members not mirrored)
    /// <summary>Specifies times on dates for events.</summary>
    public interface ITimeRule
    {
    }
}
