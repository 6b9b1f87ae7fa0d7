using System;
using System.Collections.Generic;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Algorithm.Framework.Risk;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// Risk model that keeps a market maker's inventory inside <see cref="InventoryLimits"/>, counting working orders.
/// For each <see cref="IQuoteTarget"/>: near a limit the side that could breach it is switched off (size 0, the quote
/// stays one-sided); once holdings are beyond a limit it emits a plain <see cref="PortfolioTarget"/> whose quantity is
/// that limit, with the sign of the position (<see cref="InventoryLimits.ReductionTarget"/>), which a market-making
/// execution model answers by cancelling the quotes and trading back to the limit — not to zero, which is left to kill
/// switches and LEAN's own risk models' zero targets. A breach is also reduced when the portfolio construction model
/// emitted no quote for the security this step. Other targets pass through untouched, and a plain target it is given
/// (by a risk model before it in <c>AddRiskManagement</c>'s order, e.g. a kill switch's or LEAN's stock models' zero)
/// that is at least as strict as the reduction — between zero and the limit — is kept: the strictest target wins.
/// </summary>
public class InventoryLimitRiskManagementModel : RiskManagementModel
{
    private readonly Dictionary<Symbol, Security> _securities = new();
    private readonly HashSet<Symbol> _breached = new();
    private readonly HashSet<Symbol> _seenThisStep = new();
    private readonly Dictionary<Symbol, decimal> _plainThisStep = new();

    /// <summary>Creates the model with the same limits for every security.</summary>
    /// <param name="limits">Inventory limits, units of the asset.</param>
    public InventoryLimitRiskManagementModel(InventoryLimits limits)
    {
        Limits = limits ?? throw Models.Errors.Guard.Invalid(nameof(limits), "must not be null");
    }

    /// <summary>The limits applied to every security.</summary>
    public InventoryLimits Limits { get; }

    /// <inheritdoc />
    public override IEnumerable<IPortfolioTarget> ManageRisk(QCAlgorithm algorithm, IPortfolioTarget[] targets)
    {
        List<IPortfolioTarget>? result = null;
        var seen = _seenThisStep;
        seen.Clear();
        _plainThisStep.Clear();
        foreach (var target in targets)
        {
            if (target is not IQuoteTarget quote)
            {
                _plainThisStep[target.Symbol] = target.Quantity;
                continue;
            }

            if (!_securities.TryGetValue(quote.Symbol, out var security))
            {
                continue;
            }

            seen.Add(quote.Symbol);
            var exposure = GetExposure(algorithm, security, quote);
            var verdict = Limits.Evaluate(exposure, quote.BidSize, quote.AskSize);
            switch (verdict.Action)
            {
                case InventoryLimitAction.Reduce:
                    AddReduction(security, exposure.Holdings);
                    break;
                case InventoryLimitAction.OneSided:
                    _breached.Remove(quote.Symbol);
                    Add(quote.WithSizes(verdict.BidSize, verdict.AskSize, "inventory limit: one-sided"));
                    break;
                default:
                    _breached.Remove(quote.Symbol);
                    break;
            }
        }

        foreach (var (symbol, security) in _securities)
        {
            if (!seen.Contains(symbol) && Limits.IsBreached(security.Holdings.Quantity))
            {
                AddReduction(security, security.Holdings.Quantity);
            }
        }

        // nothing to adjust is the common case: no list allocated on those steps
        return result ?? (IEnumerable<IPortfolioTarget>)Array.Empty<IPortfolioTarget>();

        void Add(IPortfolioTarget target) => (result ??= new List<IPortfolioTarget>()).Add(target);

        void AddReduction(Security security, decimal holdings)
        {
            // a plain target between zero and the limit is stricter than the reduction: keep it
            var limit = Limits.ReductionTarget(holdings);
            if (!_plainThisStep.TryGetValue(security.Symbol, out var given) || given * limit < 0 || Math.Abs(given) > Math.Abs(limit))
            {
                Add(Reduce(algorithm, security, holdings));
            }
        }
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        foreach (var security in changes.AddedSecurities)
        {
            _securities[security.Symbol] = security;
        }

        foreach (var security in changes.RemovedSecurities)
        {
            _securities.Remove(security.Symbol);
            _breached.Remove(security.Symbol);
        }
    }

    /// <summary>
    /// Holdings and working orders of <paramref name="security"/> checked against the limits: by default those the
    /// quote was computed from in this step (<see cref="IQuoteTarget.Exposure"/>); override to source them elsewhere,
    /// e.g. <see cref="InventoryExposure.Of"/> to re-read LEAN's open order tickets.
    /// </summary>
    protected virtual InventoryExposure GetExposure(QCAlgorithm algorithm, Security security, IQuoteTarget quote) =>
        quote.Exposure;

    /// <summary>Writes to the algorithm log; called once per breach, not per step.</summary>
    protected virtual void Log(QCAlgorithm algorithm, string message) => algorithm.Log(message);

    private PortfolioTarget Reduce(QCAlgorithm algorithm, Security security, decimal holdings)
    {
        var target = Limits.ReductionTarget(holdings);
        if (_breached.Add(security.Symbol))
        {
            Log(algorithm, $"{nameof(InventoryLimitRiskManagementModel)}: {security.Symbol} holdings {holdings} " +
                $"outside [-{Limits.MaxShort}, {Limits.MaxLong}]; reducing to {target}");
        }

        return new PortfolioTarget(security.Symbol, target, "inventory limit: reduce to the limit");
    }
}
