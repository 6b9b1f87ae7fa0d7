namespace QuantConnect.Orders.Fills
{
    // LEAN: Common/Orders/Fills/IFillModel.cs
    /// <summary>Represents a model that simulates order fill events.</summary>
    public interface IFillModel
    {
        Fill Fill(FillModelParameters parameters);
    }
}
