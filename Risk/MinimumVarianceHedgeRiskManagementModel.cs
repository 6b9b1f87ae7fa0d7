using System;
using System.Collections.Generic;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Risk;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Algorithm.Framework.Risk;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// Risk model that hedges the quoted inventory with given hedge instruments: the minimum-variance hedge
/// (Ederington 1979; <see cref="MinimumVarianceHedge"/>: h* = −Σ_HH⁻¹Σ_HQ·q) of the holdings q of every other security,
/// with Σ the EWMA covariance of the per-unit P&amp;L over one sampling interval (pᵢpⱼ·Cov(rᵢ, rⱼ),
/// <see cref="SampledReturnCovariance"/>). When a hedge instrument's holding drifts from h*ₖ beyond the band of
/// <see cref="HedgeSettings"/>, it emits a plain <see cref="PortfolioTarget"/> of h*ₖ (rounded to the lot) for it.
/// A risk model, not a portfolio construction model: LEAN has one portfolio construction model, which here is the
/// quoting model, while risk models are chained with <c>AddRiskManagement</c>, see the quote targets of the step and may
/// return targets for any symbol — so the hedge composes with the quoting model and the other risk models instead of
/// replacing one. A risk model before it that emits a plain target for a hedge instrument (a kill switch's zero) wins:
/// no hedge target is emitted for that instrument in that step.
/// h* is linear in q, so the hedge ratios R = ∂h*/∂q (one <see cref="MinimumVarianceHedge"/> per quoted security) are
/// recomputed when a new price sample arrives (allocating), and each step computes R·q allocation-free.
/// </summary>
public class MinimumVarianceHedgeRiskManagementModel : RiskManagementModel
{
    private readonly HashSet<Symbol> _hedgeSymbols;
    private readonly List<Security> _securities = new();
    private readonly List<int> _hedges = new();
    private readonly List<int> _quoted = new();
    private readonly HashSet<Symbol> _plainThisStep = new();
    private readonly List<IPortfolioTarget> _result = new();
    private SampledReturnCovariance? _covariance;
    private double[] _prices = Array.Empty<double>();
    private double[] _ratios = Array.Empty<double>();
    private double[] _hedge = Array.Empty<double>();
    private bool _hasRatios;

    /// <summary>Creates the model.</summary>
    /// <param name="hedgeSymbols">The instruments traded to hedge (at least one); every other security is hedged.</param>
    /// <param name="settings">Band and covariance sampling.</param>
    public MinimumVarianceHedgeRiskManagementModel(IEnumerable<Symbol> hedgeSymbols, HedgeSettings settings)
    {
        _hedgeSymbols = new HashSet<Symbol>(hedgeSymbols ?? throw Guard.Invalid(nameof(hedgeSymbols), "must not be null"));
        if (_hedgeSymbols.Count == 0)
        {
            throw Guard.Invalid(nameof(hedgeSymbols), "must name at least one hedge instrument");
        }

        Settings = settings ?? throw Guard.Invalid(nameof(settings), "must not be null");
    }

    /// <summary>Band and covariance sampling.</summary>
    public HedgeSettings Settings { get; }

    /// <summary>
    /// The latest minimum-variance hedge h* of a hedge instrument, units (NaN before the covariance is warm or when it is not
    /// a hedge instrument of the model): for runtime statistics and charts.
    /// </summary>
    public double MinimumVarianceQuantity(Symbol symbol)
    {
        for (var k = 0; k < _hedges.Count; k++)
        {
            if (_securities[_hedges[k]].Symbol == symbol)
            {
                return _hasRatios ? _hedge[k] : double.NaN;
            }
        }

        return double.NaN;
    }

    /// <inheritdoc />
    public override IEnumerable<IPortfolioTarget> ManageRisk(QCAlgorithm algorithm, IPortfolioTarget[] targets)
    {
        _result.Clear();
        if (_covariance is null || _hedges.Count == 0 || _quoted.Count == 0)
        {
            return _result;
        }

        for (var i = 0; i < _securities.Count; i++)
        {
            _prices[i] = (double)GetPrice(_securities[i]);
        }

        if (_covariance.TrySample(GetTime(algorithm), _prices) && _covariance.IsReady)
        {
            _hasRatios = TryComputeRatios();
        }

        if (!_hasRatios)
        {
            return _result;
        }

        _plainThisStep.Clear();
        foreach (var target in targets)
        {
            if (target is not IQuoteTarget)
            {
                _plainThisStep.Add(target.Symbol);
            }
        }

        for (var k = 0; k < _hedges.Count; k++)
        {
            var sum = 0.0;
            for (var j = 0; j < _quoted.Count; j++)
            {
                sum += _ratios[(k * _quoted.Count) + j] * (double)GetHoldings(_securities[_quoted[j]]);
            }

            _hedge[k] = sum;
            var security = _securities[_hedges[k]];
            if (_plainThisStep.Contains(security.Symbol) || !double.IsFinite(sum))
            {
                continue;
            }

            var lot = security.SymbolProperties.LotSize;
            var holding = (double)GetHoldings(security);
            if (Math.Abs(holding - sum) > Math.Max(Settings.RelativeBand * Math.Abs(sum), (double)lot))
            {
                var quantity = (decimal)sum;
                quantity = lot > 0 ? Math.Round(quantity / lot) * lot : quantity;
                _result.Add(new PortfolioTarget(security.Symbol, quantity, "hedge: minimum-variance hedge"));
            }
        }

        return _result;
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        var changed = false;
        foreach (var security in changes.AddedSecurities)
        {
            if (!_securities.Exists(s => s.Symbol == security.Symbol))
            {
                changed = true;
                _securities.Add(security);
            }
        }

        foreach (var security in changes.RemovedSecurities)
        {
            changed |= _securities.RemoveAll(s => s.Symbol == security.Symbol) > 0;
        }

        if (!changed)
        {
            return;
        }

        _hedges.Clear();
        _quoted.Clear();
        for (var i = 0; i < _securities.Count; i++)
        {
            (_hedgeSymbols.Contains(_securities[i].Symbol) ? _hedges : _quoted).Add(i);
        }

        // a new set of securities is a new covariance: the warm-up starts again
        _covariance = _securities.Count == 0 ? null : new SampledReturnCovariance(Settings.Sampling, _securities.Count, CreateClock(_securities));
        _prices = new double[_securities.Count];
        _ratios = new double[_hedges.Count * _quoted.Count];
        _hedge = new double[_hedges.Count];
        _hasRatios = false;
    }

    /// <summary>
    /// The time of the step on the sampling clock (<see cref="CreateClock"/>), which decides when the prices are sampled:
    /// the first security's exchange local time.
    /// </summary>
    protected virtual DateTime GetTime(QCAlgorithm algorithm) => _securities[0].LocalTime;

    /// <summary>
    /// The open-market clock the returns are sampled on: the first security's regular exchange hours (the securities are
    /// assumed to trade on one exchange schedule), so that nights and weekends are no returns.
    /// </summary>
    /// <param name="securities">The securities, in sampling order.</param>
    protected virtual OpenMarketClock CreateClock(IReadOnlyList<Security> securities) => new(securities[0].Exchange.Hours);

    /// <summary>The price returns are sampled at, account currency per unit: LEAN's <c>Security.Price</c>.</summary>
    protected virtual decimal GetPrice(Security security) => security.Price;

    /// <summary>The quantity held: the security's holdings.</summary>
    protected virtual decimal GetHoldings(Security security) => security.Holdings.Quantity;

    /// <summary>R[k, j] = h*ₖ of one unit of quoted security j, from the latest covariance; false when it has none.</summary>
    private bool TryComputeRatios()
    {
        var n = _securities.Count;
        var covariance = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                covariance[i, j] = _prices[i] * _prices[j] * _covariance!.PeriodCovariance(i, j);
            }
        }

        try
        {
            for (var j = 0; j < _quoted.Count; j++)
            {
                var unit = new double[n];
                unit[_quoted[j]] = 1.0;
                var hedge = MinimumVarianceHedge.Compute(new HedgeProblem(covariance, unit, _hedges)).Quantities;
                for (var k = 0; k < _hedges.Count; k++)
                {
                    _ratios[(k * _quoted.Count) + j] = hedge[k];
                }
            }

            return true;
        }
        catch (MarketMakingException)
        {
            // a singular hedge block (a hedge price that has not moved yet): no hedge until the covariance allows one
            return false;
        }
    }
}
