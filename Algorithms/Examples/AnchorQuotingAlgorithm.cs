using System;
using System.Globalization;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using QuantConnect;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Example: quoting two related contracts through an anchor (arXiv:2507.05749) on the synthetic two-leg data of
/// <c>generate-data --two-legs</c> (<c>LEGAUSD</c> steady and deep, <c>LEGBUSD</c> bursty and thin, on <c>coinbase</c>;
/// <c>anchor-tickers</c>, <c>anchor-market</c>). The <see cref="AnchorAlphaModel"/> reads both legs' LEAN ticks and
/// decides every <c>anchor-window-ms</c> (10 ms) which leg anchors the quote (the Hawkes rule's voted anchor); the
/// <see cref="AnchoredPortfolioConstructionModel"/> quotes each leg with the GLFT closed form (<c>anchor-risk-aversion</c>,
/// <c>-volatility</c> price/√s, <c>-arrival-rate</c> per s, <c>-depth-decay</c> per price, <c>-order-size</c>) around
/// the anchor's mid plus the leg's basis to it (EWMA weight <c>anchor-basis-weight</c>). Fills by the queue rule
/// against the legs' trades. Runtime statistics: decisions, anchor switches, quotes priced off the anchor, and each
/// rule's agreement with the hindsight oracle (raw picks and voted anchors, chance agreement, κ).
/// What it shows: the anchor selection running in real time inside LEAN on tick data and steering the quotes. What it
/// does not: a real calendar spread (the legs are simulated, their prices are not tied by a carry), nor that anchoring
/// pays.
/// </summary>
public class AnchorQuotingAlgorithm : MarketMakingExampleAlgorithm
{
    private AnchorAlphaModel _anchor = null!;
    private AnchoredPortfolioConstructionModel? _construction;

    /// <inheritdoc />
    protected override string ParameterPrefix => "anchor";

    /// <inheritdoc />
    public override void Initialize()
    {
        SetStartDate(Parameter("start-year", 2023), Parameter("start-month", 12), Parameter("start-day", 31));
        SetEndDate(Parameter("end-year", 2024), Parameter("end-month", 1), Parameter("end-day", 1));
        var tickers = Parameter("tickers", "LEGAUSD,LEGBUSD").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var market = Parameter("market", Market.Coinbase);
        SetUpVenue(SecurityType.Crypto, tickers[0], market, defaultCash: 10_000_000m);
        var legs = tickers.Select(t => AddCrypto(t, Resolution.Tick, market)).ToArray();
        foreach (var leg in legs)
        {
            leg.SetFillModel(PassiveQuoteFillModel.Queue(FillSettings()));
        }

        var settings = new AnchorSettings(decisionWindowSeconds: Parameter("window-ms", 10.0) / 1000);
        _anchor = new AnchorAlphaModel(legs.Select(l => l.Symbol).ToArray(), settings, TimeSpan.FromSeconds(Parameter("insight-period-seconds", 1.0)));
        var size = Parameter("order-size", 1.0);
        var parameters = new GlftParameters(Parameter("risk-aversion", 0.05), Parameter("volatility", 0.3), Parameter("arrival-rate", 5.0),
            Parameter("depth-decay", 20.0), size);
        var model = new RecalibratingQuotingModel(_ => new GlftClosedFormModel(parameters), new[] { parameters.Volatility }, 1.0);
        var clock = new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        InstallFramework(legs[0], model, clock, defaultMaxInventory: 10m, alpha: _anchor);
    }

    /// <inheritdoc />
    protected override MarketMakingPortfolioConstructionModel CreatePortfolioConstruction(IQuotingModel model, MarketMakingClock clock, TimeSpan maxQuoteAge, InsightSignals signals) =>
        _construction = new AnchoredPortfolioConstructionModel(_ => model, clock, maxQuoteAge, () => _anchor.Anchor, Parameter("basis-weight", 0.001), signals);

    /// <inheritdoc />
    protected override void PlotIndicators()
    {
        if (_anchor.LastDecision is { HawkesAnchor: >= 0 } decision)
        {
            Plot("Anchor", "Hawkes anchor", (double)decision.HawkesAnchor);
            Plot("Anchor", "CLF anchor", (double)decision.ClfAnchor);
        }

        var e = _anchor.Evaluation;
        SetRuntimeStatistic("Anchor decisions", (decimal)_anchor.Decisions);
        SetRuntimeStatistic("Anchor switches", (decimal)_anchor.AnchorSwitches);
        SetRuntimeStatistic("Anchor scored windows", (decimal)e.Windows);
        SetRuntimeStatistic("Anchor decisive windows", (decimal)e.DecisiveWindows);
        SetRuntimeStatistic("Quotes priced off the anchor", (decimal)(_construction?.AnchoredQuotes ?? 0));
        foreach (var (name, score) in new[] { ("Hawkes picks", e.HawkesPicks), ("Hawkes anchors", e.HawkesAnchors), ("CLF picks", e.ClfPicks), ("CLF anchors", e.ClfAnchors) })
        {
            SetRuntimeStatistic($"Anchor {name} agreement", Format(score.Agreement));
            SetRuntimeStatistic($"Anchor {name} chance", Format(score.ChanceAgreement));
            SetRuntimeStatistic($"Anchor {name} kappa", Format(score.Kappa));
        }
    }

    /// <inheritdoc />
    public override void OnEndOfAlgorithm()
    {
        base.OnEndOfAlgorithm();
        PlotIndicators();
        Log($"anchor: {_anchor.Decisions} decisions, {_anchor.AnchorSwitches} switches, Hawkes picks agreement {Format(_anchor.Evaluation.HawkesPicks.Agreement)}");
    }

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
}
