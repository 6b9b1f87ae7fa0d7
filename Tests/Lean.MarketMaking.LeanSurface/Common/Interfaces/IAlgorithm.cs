namespace QuantConnect.Interfaces
{
    // LEAN: Common/Interfaces/IAlgorithm.cs (its members and base interfaces are not mirrored)
    /// <summary>Interface for QuantConnect algorithm implementations.</summary>
    public interface IAlgorithm
    {
    }
}
