using QuantConnect.Data.UniverseSelection;

namespace QuantConnect.Algorithm.Framework
{
    // LEAN: Algorithm/INotifiedSecurityChanges.cs
    /// <summary>Types implementing this interface will be called when the algorithm's set of securities changes.</summary>
    public interface INotifiedSecurityChanges
    {
        void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes);
    }
}
