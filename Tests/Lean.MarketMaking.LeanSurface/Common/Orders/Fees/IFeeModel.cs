namespace QuantConnect.Orders.Fees
{
    // LEAN: Common/Orders/Fees/IFeeModel.cs (GetOrderFee not mirrored: the plugin never calls a fee model)
    /// <summary>Represents a model the simulates order fees.</summary>
    public interface IFeeModel
    {
    }
}
