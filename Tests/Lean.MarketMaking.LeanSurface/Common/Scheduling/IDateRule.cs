namespace QuantConnect.Scheduling
{
    // LEAN: Common/Scheduling/IDateRule.cs (members not mirrored)
    /// <summary>Specifies dates that events should be fired.</summary>
    public interface IDateRule
    {
    }
}
