namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/BybitBrokerageModel.cs (constructor only: the type names the venue; tests mock CanUpdateOrder)
    /// <summary>LEAN's Bybit brokerage model.</summary>
    public class BybitBrokerageModel : DefaultBrokerageModel
    {
        public BybitBrokerageModel(AccountType accountType = AccountType.Cash) : base(accountType)
        {
        }
    }
}
