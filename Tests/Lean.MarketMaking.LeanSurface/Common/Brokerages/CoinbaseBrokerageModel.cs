namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/CoinbaseBrokerageModel.cs (constructor only: the type names the venue; tests mock CanUpdateOrder)
    /// <summary>LEAN's Coinbase brokerage model.</summary>
    public class CoinbaseBrokerageModel : DefaultBrokerageModel
    {
        public CoinbaseBrokerageModel(AccountType accountType = AccountType.Cash) : base(accountType)
        {
        }
    }
}
