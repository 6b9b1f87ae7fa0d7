using QuantConnect.Data;

namespace QuantConnect.Securities.Interfaces
{
    // LEAN: Common/Securities/Interfaces/ISecurityDataFilter.cs
    /// <summary>Security data filter interface. Defines pattern for the user defined data filter techniques.</summary>
    public interface ISecurityDataFilter
    {
        bool Filter(Security vehicle, BaseData data);
    }
}
