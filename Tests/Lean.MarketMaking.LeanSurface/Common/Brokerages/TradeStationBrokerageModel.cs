namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/TradeStationBrokerageModel.cs (constructor only: the type names the venue; tests mock CanUpdateOrder)
    /// <summary>LEAN's TradeStation brokerage model.</summary>
    public class TradeStationBrokerageModel : DefaultBrokerageModel
    {
        public TradeStationBrokerageModel(AccountType accountType = AccountType.Margin) : base(accountType)
        {
        }
    }
}
