namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/KrakenBrokerageModel.cs (constructor only: the type names the venue; tests mock CanUpdateOrder)
    /// <summary>LEAN's Kraken brokerage model.</summary>
    public class KrakenBrokerageModel : DefaultBrokerageModel
    {
        public KrakenBrokerageModel(AccountType accountType = AccountType.Cash) : base(accountType)
        {
        }
    }
}
