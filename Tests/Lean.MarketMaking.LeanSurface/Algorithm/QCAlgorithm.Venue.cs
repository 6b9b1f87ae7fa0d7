using System;
using QuantConnect.Brokerages;
using QuantConnect.Interfaces;
using QuantConnect.Securities;

namespace QuantConnect.Algorithm
{
    // LEAN: Algorithm/QCAlgorithm.cs
    /// <summary>The account, brokerage and logging members the examples' venue set-up uses.</summary>
    public partial class QCAlgorithm
    {
        public SecurityPortfolioManager Portfolio { get; set; }

        private readonly IBrokerageModel _brokerageModel;

        public IBrokerageModel BrokerageModel => _brokerageModel;

        public IOrderProperties DefaultOrderProperties { get; set; }

        public string AccountCurrency => throw new NotImplementedException();

        protected SymbolPropertiesDatabase SymbolPropertiesDatabase { get; }

        public void SetAccountCurrency(string accountCurrency, decimal? startingCash = null) => throw new NotImplementedException();

        public void SetCash(string symbol, decimal startingCash, decimal conversionRate = 0) => throw new NotImplementedException();

        public void SetBrokerageModel(BrokerageName brokerage, AccountType accountType = AccountType.Margin) => throw new NotImplementedException();

        public void Error(string message) => throw new NotImplementedException();
    }
}
