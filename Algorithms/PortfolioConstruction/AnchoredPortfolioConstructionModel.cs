using System;
using System.Collections.Generic;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.PortfolioConstruction;

/// <summary>
/// Quotes a group of related contracts off an anchor (reference contract, arXiv:2507.05749): each contract is quoted
/// around the reference mid m_a + (bᵢ − b_a), the anchor's mid plus the contract's basis to it, where bᵢ is an
/// exponentially weighted mean of mᵢ − m₀ (weight <see cref="BasisWeight"/> per quote step, m₀ the first contract's
/// mid), or around its own mid while it is the anchor, before an anchor is known or before both books have been seen.
/// The anchor comes from a function, e.g. <c>AnchorAlphaModel.Anchor</c>. Only the mid handed to the model moves (the
/// book is shifted by the difference); the execution model still quotes passively against the contract's real touch.
/// </summary>
public class AnchoredPortfolioConstructionModel : MarketMakingPortfolioConstructionModel
{
    private readonly Func<Symbol?> _anchor;
    private readonly List<Security> _contracts = new();
    private readonly Dictionary<Symbol, double> _basis = new();

    /// <summary>Creates the model.</summary>
    /// <param name="modelFactory">The quoting model of each contract.</param>
    /// <param name="clock">Model time.</param>
    /// <param name="maxQuoteAge">Largest age of the book that is quoted.</param>
    /// <param name="anchor">The current anchor contract, or null when none is known.</param>
    /// <param name="basisWeight">EWMA weight of the basis per quote step, in (0, 1].</param>
    /// <param name="signals">Insight signals (drift, toxicity).</param>
    public AnchoredPortfolioConstructionModel(Func<Symbol, IQuotingModel> modelFactory, MarketMakingClock clock, TimeSpan maxQuoteAge,
        Func<Symbol?> anchor, double basisWeight, InsightSignals? signals = null)
        : base(modelFactory, clock, maxQuoteAge, signals)
    {
        _anchor = anchor ?? throw Guard.Invalid(nameof(anchor), "must not be null");
        BasisWeight = basisWeight is > 0 and <= 1 ? basisWeight : throw Guard.Invalid(nameof(basisWeight), $"must be in (0, 1], got {basisWeight}");
    }

    /// <summary>EWMA weight of the basis per quote step.</summary>
    public double BasisWeight { get; }

    /// <summary>How many quotes were priced off another contract (the anchor).</summary>
    public long AnchoredQuotes { get; private set; }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        base.OnSecuritiesChanged(algorithm, changes);
        foreach (var security in changes.RemovedSecurities)
        {
            _contracts.Remove(security);
            _basis.Remove(security.Symbol);
        }

        foreach (var security in changes.AddedSecurities)
        {
            if (!_contracts.Contains(security))
            {
                _contracts.Add(security);
            }
        }
    }

    /// <inheritdoc />
    protected override QuoteMarket GetMarket(Security security)
    {
        var market = base.GetMarket(security);
        if (_contracts.Count < 2 || !Valid(market))
        {
            return market;
        }

        var first = base.GetMarket(_contracts[0]);
        if (!Valid(first))
        {
            return market;
        }

        var basis = UpdateBasis(security.Symbol, (double)(market.Mid - first.Mid));
        var anchor = _anchor();
        if (anchor is null || anchor == security.Symbol || !_basis.TryGetValue(anchor, out var anchorBasis))
        {
            return market;
        }

        var anchorSecurity = _contracts.Find(c => c.Symbol == anchor);
        if (anchorSecurity is null)
        {
            return market;
        }

        var reference = base.GetMarket(anchorSecurity);
        if (!Valid(reference))
        {
            return market;
        }

        var shift = (decimal)((double)reference.Mid + basis - anchorBasis - (double)market.Mid);
        AnchoredQuotes++;
        return market with { Bid = market.Bid + shift, Ask = market.Ask + shift };
    }

    private double UpdateBasis(Symbol symbol, double difference)
    {
        var basis = _basis.TryGetValue(symbol, out var b) ? b + (BasisWeight * (difference - b)) : difference;
        _basis[symbol] = basis;
        return basis;
    }

    private static bool Valid(in QuoteMarket market) => market.Bid > 0 && market.Ask > market.Bid;
}
