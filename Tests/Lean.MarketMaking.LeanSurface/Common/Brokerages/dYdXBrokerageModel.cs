namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/dYdXBrokerageModel.cs (constructor only: the type names the venue; tests mock CanUpdateOrder)
    /// <summary>LEAN's dYdX brokerage model.</summary>
    public class dYdXBrokerageModel : DefaultBrokerageModel
    {
        public dYdXBrokerageModel(AccountType accountType = AccountType.Margin) : base(accountType)
        {
        }
    }
}
