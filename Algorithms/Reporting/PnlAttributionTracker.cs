using System.Collections.Generic;
using System.Globalization;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Risk;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Reporting;

/// <summary>
/// Feeds LEAN's fills and mids into an <see cref="AttributionBook"/> (position monitoring and P&amp;L attribution, one
/// position per security) and reports it: per security the inventory and its exposure in the account currency; in total
/// the P&amp;L split into spread capture, inventory P&amp;L and fees, realised and unrealised, and the drawdown from the
/// peak. A fill's spread capture is measured against the mid of LEAN's book when the fill is reported (no mid: the last
/// mark); marks are the mids the caller accepts (<see cref="Mark"/>); conversion rates are LEAN's quote-currency rates;
/// fees come in the account currency. <see cref="MarkAtValuation"/> marks every position at the price LEAN values it
/// at (<c>Security.Price</c>, the last data point's value: the mid of a quote tick, the last trade of a trade tick), so
/// that the total is the P&amp;L LEAN's portfolio value shows (for a security whose quote currency is the account
/// currency; with another, to LEAN's conversion of each fill's cash at the current rate).
/// </summary>
public sealed class PnlAttributionTracker
{
    private readonly Security[] _securities;
    private readonly Dictionary<Symbol, int> _index = new();

    /// <summary>Chart of the exposures ("Exposure" is one of LEAN's reserved chart names).</summary>
    public const string ExposureChart = "Inventory exposure";

    /// <summary>Chart of the P&amp;L split.</summary>
    public const string AttributionChart = "P&L attribution";

    /// <summary>Chart of the drawdown of the total P&amp;L (LEAN's own "Drawdown" chart is its equity's).</summary>
    public const string DrawdownChart = "P&L drawdown";

    /// <summary>Creates a tracker of flat positions in <paramref name="securities"/> (their contract multipliers apply).</summary>
    public PnlAttributionTracker(IReadOnlyList<Security> securities)
    {
        if (securities is null || securities.Count == 0)
        {
            throw Guard.Invalid(nameof(securities), "needs at least one security");
        }

        _securities = new Security[securities.Count];
        var positions = new AttributionPosition[securities.Count];
        for (var i = 0; i < securities.Count; i++)
        {
            _securities[i] = securities[i];
            _index[securities[i].Symbol] = i;
            positions[i] = new AttributionPosition(securities[i].Symbol.Value, securities[i].SymbolProperties.ContractMultiplier);
        }

        Book = new AttributionBook(positions);
    }

    /// <summary>The attribution.</summary>
    public AttributionBook Book { get; }

    /// <summary>Marks <paramref name="security"/> at <paramref name="mid"/> (a mid the caller accepts); other securities are ignored.</summary>
    public void Mark(Security security, decimal mid)
    {
        if (_index.TryGetValue(security.Symbol, out var i))
        {
            Book.Mark(i, mid, security.QuoteCurrency.ConversionRate);
        }
    }

    /// <summary>
    /// Records a fill event of a tracked security (other events are ignored) with its fee in the account currency;
    /// the spread capture is against the mid of LEAN's book now.
    /// </summary>
    public void RecordFill(OrderEvent fill, decimal feeInAccountCurrency)
    {
        if (fill.FillQuantity == 0 || !_index.TryGetValue(fill.Symbol, out var i))
        {
            return;
        }

        var security = _securities[i];
        var market = QuoteMarket.From(security);
        var mid = market.Bid > 0 && market.Ask > 0 ? market.Mid : 0m;
        Book.Fill(i, fill.FillQuantity, fill.FillPrice, mid, feeInAccountCurrency, security.QuoteCurrency.ConversionRate);
    }

    /// <summary>Marks every position at LEAN's valuation price (<c>Security.Price</c>); call at the end, before <see cref="Publish"/>.</summary>
    public void MarkAtValuation()
    {
        for (var i = 0; i < _securities.Length; i++)
        {
            Book.Mark(i, _securities[i].Price, _securities[i].QuoteCurrency.ConversionRate);
        }
    }

    /// <summary>
    /// Plots <see cref="ExposureChart"/> (per security, and gross), <see cref="AttributionChart"/> (spread capture,
    /// inventory, fees, total) and <see cref="DrawdownChart"/> (of the total), account currency.
    /// </summary>
    public void Plot(QCAlgorithm algorithm)
    {
        foreach (var position in Book.Positions)
        {
            algorithm.Plot(ExposureChart, position.Name, position.Exposure);
        }

        algorithm.Plot(ExposureChart, "Gross", Book.GrossExposure);
        algorithm.Plot(AttributionChart, "Spread capture", Book.SpreadCapture);
        algorithm.Plot(AttributionChart, "Inventory", Book.InventoryPnl);
        algorithm.Plot(AttributionChart, "Fees", Book.Fees);
        algorithm.Plot(AttributionChart, "Total", Book.Total);
        algorithm.Plot(DrawdownChart, "Total", Book.Drawdown.Current);
    }

    /// <summary>
    /// Sets the runtime statistics "P&amp;L total", "P&amp;L spread capture", "P&amp;L inventory", "P&amp;L fees",
    /// "P&amp;L realised", "P&amp;L unrealised", "Max drawdown", "Gross exposure" (account currency, unrounded).
    /// </summary>
    public void Publish(QCAlgorithm algorithm)
    {
        Set("P&L total", Book.Total);
        Set("P&L spread capture", Book.SpreadCapture);
        Set("P&L inventory", Book.InventoryPnl);
        Set("P&L fees", Book.Fees);
        Set("P&L realised", Book.Realised);
        Set("P&L unrealised", Book.Unrealised);
        Set("Max drawdown", Book.Drawdown.Maximum);
        Set("Gross exposure", Book.GrossExposure);

        void Set(string name, decimal value) => algorithm.SetRuntimeStatistic(name, value.ToString(CultureInfo.InvariantCulture));
    }
}
