namespace QuantConnect.Data
{
    // LEAN: Common/Data/ISymbolProvider.cs
    /// <summary>Base data with a symbol.</summary>
    public interface ISymbolProvider
    {
        Symbol Symbol { get; set; }
    }
}
