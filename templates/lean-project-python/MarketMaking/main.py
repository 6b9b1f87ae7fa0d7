# Lean.MarketMaking from a LEAN Python algorithm: the C# modules (Avellaneda-Stoikov quoting model, portfolio
# construction, inventory-limit risk, execution and the passive fill model) composed in a Python QCAlgorithm through
# LEAN's pythonnet. The same algorithm as templates/lean-project/MarketMaking/Main.cs: stationary Avellaneda-Stoikov
# quotes (2008, section 2.3) on EURUSD Oanda ticks (LEAN's sample data); every number is a parameter of config.json.
# Run it: ./run.sh templates/lean-project-python/MarketMaking/main.py (README "Use it in your LEAN project").
from AlgorithmImports import *

# the plugin's assemblies, found by name in LEAN's Launcher folder (AlgorithmImports puts that folder on sys.path)
AddReference("Lean.MarketMaking.Models")
AddReference("Lean.MarketMaking.Risk")
AddReference("Lean.MarketMaking.Algorithms")

from Lean.MarketMaking.Algorithms.Execution import MarketMakingExecutionModel, MarketMakingExecutionSettings
from Lean.MarketMaking.Algorithms.Fills import IntensityFill, PassiveQuoteFillModel
from Lean.MarketMaking.Algorithms.MarketData import BadPrintDataFilter
from Lean.MarketMaking.Algorithms.PortfolioConstruction import MarketMakingClock, MarketMakingPortfolioConstructionModel
from Lean.MarketMaking.Models.Quoting import IQuotingModel
from Lean.MarketMaking.Models.Quoting.AvellanedaStoikov import (
    InfiniteHorizonAvellanedaStoikovModel, InfiniteHorizonAvellanedaStoikovParameters)
from Lean.MarketMaking.Risk import InventoryLimitRiskManagementModel, InventoryLimits


class MarketMakingAlgorithm(QCAlgorithm):
    """Quotes EURUSD with the plugin's C# framework modules; Python only wires them."""

    def initialize(self):
        self.set_start_date(2014, 5, 1)
        self.set_end_date(2014, 5, 2)
        self.set_cash(100000)
        security = self.add_forex("EURUSD", Resolution.TICK, Market.OANDA)
        BadPrintDataFilter.Install(self, security)
        self.set_benchmark(security.symbol)

        order_size = self.get_parameter("order-size", 10000.0)
        max_inventory = self.get_parameter("max-inventory", 50000.0)
        decay_per_price = self.get_parameter("intensity-decay", 10000.0)
        model = InfiniteHorizonAvellanedaStoikovModel(InfiniteHorizonAvellanedaStoikovParameters(
            self.get_parameter("risk-aversion", 0.0003), self.get_parameter("volatility", 0.00002), decay_per_price,
            self.get_parameter("discount-rate", 0.0000231481), max_inventory, order_size))
        # forex data has no trades: quotes fill by the intensity rule A*exp(-k*depth) per second
        security.set_fill_model(PassiveQuoteFillModel.Intensity(
            IntensityFill(self.get_parameter("fill-intensity", 0.05), decay_per_price, 42)))

        max_quote_age = TimeSpan.FromSeconds(60)
        # one quoting model for every security; a Python callable becomes the C# factory delegate
        self.set_portfolio_construction(MarketMakingPortfolioConstructionModel(
            Func[Symbol, IQuotingModel](lambda symbol: model),
            MarketMakingClock(TimeSpan.FromHours(17), TimeSpan.FromSeconds(1)), max_quote_age))
        self.set_risk_management(InventoryLimitRiskManagementModel(InventoryLimits.Symmetric(max_inventory)))
        self.set_execution(MarketMakingExecutionModel(
            MarketMakingExecutionSettings(self.get_parameter("min-reprice-ticks", 5), max_quote_age)))
