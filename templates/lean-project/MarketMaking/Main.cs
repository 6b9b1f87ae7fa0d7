using System;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Risk;

namespace QuantConnect.Algorithm.CSharp
{
    /// <summary>
    /// A lean CLI project's algorithm that composes the market-making modules itself: the lean CLI finds the algorithm
    /// class with the regex <c>class\s*([^\s:]+)\s*:\s*QCAlgorithm</c> on Main.cs, so the class derives from
    /// <c>QCAlgorithm</c> directly (a class deriving from one of the plugin's examples is not found). Stationary
    /// Avellaneda–Stoikov quotes (§2.3) on EURUSD Oanda ticks (LEAN's sample data), the inventory limit, the execution
    /// model and the passive fill model; every number is a parameter of config.json.
    /// </summary>
    public class MarketMakingAlgorithm : QCAlgorithm
    {
        /// <inheritdoc />
        public override void Initialize()
        {
            SetStartDate(2014, 5, 1);
            SetEndDate(2014, 5, 2);
            SetCash(100000m);
            var security = AddForex("EURUSD", Resolution.Tick, Market.Oanda);
            BadPrintDataFilter.Install(this, security);
            SetBenchmark(security.Symbol);

            var orderSize = GetParameter("order-size", 10000.0);
            var maxInventory = GetParameter("max-inventory", 50000.0);
            var model = new InfiniteHorizonAvellanedaStoikovModel(new InfiniteHorizonAvellanedaStoikovParameters(
                GetParameter("risk-aversion", 0.0003), GetParameter("volatility", 0.00002), GetParameter("intensity-decay", 10000.0),
                GetParameter("discount-rate", 0.0000231481), maxInventory, orderSize));
            // forex data has no trades: quotes fill by the intensity rule A·e^(−kδ) per second
            security.SetFillModel(PassiveQuoteFillModel.Intensity(new IntensityFill(GetParameter("fill-intensity", 0.05), GetParameter("intensity-decay", 10000.0), 42)));

            var maxQuoteAge = TimeSpan.FromSeconds(60);
            SetPortfolioConstruction(new MarketMakingPortfolioConstructionModel(_ => model, new MarketMakingClock(TimeSpan.FromHours(17), TimeSpan.FromSeconds(1)), maxQuoteAge));
            SetRiskManagement(new InventoryLimitRiskManagementModel(InventoryLimits.Symmetric((decimal)maxInventory)));
            SetExecution(new MarketMakingExecutionModel(new MarketMakingExecutionSettings(GetParameter("min-reprice-ticks", 5), maxQuoteAge)));
        }
    }
}
