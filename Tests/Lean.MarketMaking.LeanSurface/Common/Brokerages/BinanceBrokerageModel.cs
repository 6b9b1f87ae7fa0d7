namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/BinanceBrokerageModel.cs (constructor only: the type names the venue; tests mock CanUpdateOrder)
    /// <summary>LEAN's Binance brokerage model.</summary>
    public class BinanceBrokerageModel : DefaultBrokerageModel
    {
        public BinanceBrokerageModel(AccountType accountType = AccountType.Cash) : base(accountType)
        {
        }
    }
}
