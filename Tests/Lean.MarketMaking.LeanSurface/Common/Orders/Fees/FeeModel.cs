namespace QuantConnect.Orders.Fees
{
    // LEAN: Common/Orders/Fees/FeeModel.cs
    /// <summary>Base class for any order fee model.</summary>
    public class FeeModel : IFeeModel
    {
    }
}
