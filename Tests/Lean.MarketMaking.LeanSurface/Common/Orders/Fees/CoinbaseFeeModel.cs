namespace QuantConnect.Orders.Fees
{
    // LEAN: Common/Orders/Fees/CoinbaseFeeModel.cs
    /// <summary>
    /// Coinbase's fees: maker (a limit order that is post-only or not marketable at submission) or taker, a share of the
    /// order's value at the touch; LEAN's dated schedule applies before 2019-10-08 whatever the tier given.
    /// </summary>
    public class CoinbaseFeeModel : FeeModel
    {
        public const decimal MakerAdvanced1 = 0.006m;

        public const decimal TakerAdvanced1 = 0.008m;

        public CoinbaseFeeModel(decimal makerFee = MakerAdvanced1, decimal takerFee = TakerAdvanced1)
        {
        }
    }
}
