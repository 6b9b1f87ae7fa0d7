namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/BitfinexBrokerageModel.cs (constructor only: the type names the venue; tests mock CanUpdateOrder)
    /// <summary>LEAN's Bitfinex brokerage model.</summary>
    public class BitfinexBrokerageModel : DefaultBrokerageModel
    {
        public BitfinexBrokerageModel(AccountType accountType = AccountType.Margin) : base(accountType)
        {
        }
    }
}
