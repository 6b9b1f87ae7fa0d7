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
/// Risk model that keeps the parametric value at risk of the inventory under <see cref="ValueAtRiskLimits"/>
/// (delta-normal VaR, Jorion 2007, "Value at Risk", ch. 10: VaR = z_α·√(h·eᵀΣe), <see cref="NormalValueAtRisk"/>), with
/// e the positions' values qᵢ·pᵢ and Σ the EWMA covariance of the securities' returns per sampling interval
/// (<see cref="SampledReturnCovariance"/>). A side of a quote is risk-increasing when trading it moves e in the direction
/// of the marginal VaR ∂VaR/∂eᵢ (a bid when it is &gt; 0, an ask when it is &lt; 0; both when it is 0): correlated
/// positions count, so a bid that hedges another holding is reducing. With VaR against the limits:
/// <list type="bullet">
/// <item>VaR ≤ soft: nothing changes.</item>
/// <item>soft &lt; VaR &lt; hard: the risk-increasing side's size is multiplied by (hard − VaR)/(hard − soft)
/// (rounded down to the lot); the reducing side keeps its size.</item>
/// <item>hard ≤ VaR ≤ reduce: the risk-increasing side's size is 0: only the reducing side is quoted.</item>
/// <item>VaR &gt; reduce: a plain <see cref="PortfolioTarget"/> for every held security, its holdings × hard/VaR
/// rounded towards zero to the lot (VaR is homogeneous of degree one in e, so the scaled book's VaR is the hard limit),
/// which a market-making execution model answers by cancelling the quotes and trading to it. A plain target it is given
/// (by a risk model before it in <c>AddRiskManagement</c>'s order: a kill switch's zero, an inventory limit's
/// reduction) that is at least as strict, between zero and the reduction, is kept: the strictest target wins.</item>
/// </list>
/// Until the covariance is warm nothing is adjusted (the inventory limit still applies). Allocation-free per step once
/// warm when nothing is adjusted; the returned targets are in a list reused from step to step, read by LEAN within it.
/// </summary>
public class ValueAtRiskLimitRiskManagementModel : RiskManagementModel
{
    private readonly List<Security> _securities = new();
    private readonly Dictionary<Symbol, int> _index = new();
    private readonly Dictionary<Symbol, decimal> _plainThisStep = new();
    private readonly List<IPortfolioTarget> _result = new();
    private SampledReturnCovariance? _covariance;
    private double[] _prices = Array.Empty<double>();
    private double[] _exposures = Array.Empty<double>();
    private double[] _matrix = Array.Empty<double>();
    private double[] _marginal = Array.Empty<double>();
    private double[] _components = Array.Empty<double>();

    /// <summary>Creates the model.</summary>
    /// <param name="limits">VaR limits, confidence, horizon and covariance sampling.</param>
    public ValueAtRiskLimitRiskManagementModel(ValueAtRiskLimits limits)
    {
        Limits = limits ?? throw Guard.Invalid(nameof(limits), "must not be null");
    }

    /// <summary>The limits.</summary>
    public ValueAtRiskLimits Limits { get; }

    /// <summary>The latest VaR of the holdings, account currency (NaN while warming up): for runtime statistics and charts.</summary>
    public double ValueAtRisk { get; private set; } = double.NaN;

    /// <summary>The latest expected shortfall of the holdings, account currency (NaN while warming up).</summary>
    public double ExpectedShortfall { get; private set; } = double.NaN;

    /// <summary>VaR / hard limit (NaN while warming up): 1 is the limit.</summary>
    public double Utilisation => ValueAtRisk / Limits.HardLimit;

    /// <summary>Where the latest VaR stands against the limits.</summary>
    public ValueAtRiskLimitState State { get; private set; } = ValueAtRiskLimitState.WarmingUp;

    /// <inheritdoc />
    public override IEnumerable<IPortfolioTarget> ManageRisk(QCAlgorithm algorithm, IPortfolioTarget[] targets)
    {
        _result.Clear();
        if (_securities.Count == 0 || _covariance is null)
        {
            return _result;
        }

        ReadPrices();
        _covariance.TrySample(GetTime(algorithm), _prices);
        if (double.IsNaN(Measure()))
        {
            State = ValueAtRiskLimitState.WarmingUp;
            return _result;
        }

        var previous = State;
        State = Classify(ValueAtRisk);
        if (State == ValueAtRiskLimitState.Normal)
        {
            return _result;
        }

        if (State == ValueAtRiskLimitState.Reducing)
        {
            Reduce(algorithm, targets, log: previous != ValueAtRiskLimitState.Reducing);
            return _result;
        }

        var factor = Limits.SizeFactor(ValueAtRisk);
        foreach (var target in targets)
        {
            if (target is IQuoteTarget quote && _index.TryGetValue(quote.Symbol, out var i))
            {
                var lot = _securities[i].SymbolProperties.LotSize;
                var bidIncreases = _marginal[i] >= 0;
                var askIncreases = _marginal[i] <= 0;
                var bid = bidIncreases ? Scale(quote.BidSize, factor, lot) : quote.BidSize;
                var ask = askIncreases ? Scale(quote.AskSize, factor, lot) : quote.AskSize;
                if (State == ValueAtRiskLimitState.ReducingOnly)
                {
                    // at the hard limit the reducing side may not overshoot the VaR-minimising quantity: a fill of it lowers the VaR
                    var reducing = ReducingQuantity(i, lot);
                    bid = bidIncreases ? bid : Math.Min(bid, reducing);
                    ask = askIncreases ? ask : Math.Min(ask, reducing);
                }

                if (bid != quote.BidSize || ask != quote.AskSize)
                {
                    _result.Add(quote.WithSizes(bid, ask, State == ValueAtRiskLimitState.Scaling
                        ? "VaR limit: risk-increasing side scaled down"
                        : "VaR limit: reducing side only"));
                }
            }
        }

        return _result;
    }

    /// <summary>
    /// Recomputes <see cref="ValueAtRisk"/> and <see cref="ExpectedShortfall"/> from the holdings and prices now with the
    /// latest covariance, without sampling or adjusting anything (<see cref="State"/> stays the last step's): e.g. to
    /// read the VaR of the book right after a fill, between two steps. Allocation-free.
    /// </summary>
    /// <returns>The VaR, account currency; NaN while warming up or when a price or holding is not finite.</returns>
    public double Measure() => Measure(null, 0m);

    /// <summary>
    /// <see cref="Measure()"/> as if <paramref name="symbol"/>'s holding were <paramref name="quantity"/> units more (e.g.
    /// minus a fill: the book before it, at the same prices and covariance); the state it leaves is that of the shifted book.
    /// </summary>
    /// <param name="symbol">The security whose holding is shifted, or null for none.</param>
    /// <param name="quantity">The shift, units.</param>
    /// <returns>The VaR, account currency; NaN while warming up or when a price or holding is not finite.</returns>
    public double Measure(Symbol? symbol, decimal quantity)
    {
        if (_covariance is null || !_covariance.IsReady)
        {
            return ValueAtRisk = ExpectedShortfall = double.NaN;
        }

        ReadPrices();
        if (symbol is not null && _index.TryGetValue(symbol, out var shifted))
        {
            _exposures[shifted] += (double)quantity * _prices[shifted];
        }

        if (!AllFinite(_exposures))
        {
            return ValueAtRisk = ExpectedShortfall = double.NaN;
        }

        _covariance.CopyPeriodCovariance(_matrix);
        ValueAtRiskEstimate estimate;
        try
        {
            estimate = NormalValueAtRisk.Compute(_exposures, _matrix, Limits.ValueAtRisk, _marginal, _components);
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite)
        {
            // Σ is a positively weighted sum of rrᵀ (semi-definite): eᵀΣe < 0 is rounding of a fully hedged book, no risk
            estimate = default;
        }

        ExpectedShortfall = estimate.ExpectedShortfall;
        return ValueAtRisk = estimate.ValueAtRisk;
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        var changed = false;
        foreach (var security in changes.AddedSecurities)
        {
            if (!_index.ContainsKey(security.Symbol))
            {
                changed = true;
                _index[security.Symbol] = _securities.Count;
                _securities.Add(security);
            }
        }

        foreach (var security in changes.RemovedSecurities)
        {
            if (_index.Remove(security.Symbol))
            {
                changed = true;
                _securities.RemoveAll(s => s.Symbol == security.Symbol);
                for (var i = 0; i < _securities.Count; i++)
                {
                    _index[_securities[i].Symbol] = i;
                }
            }
        }

        if (!changed)
        {
            return;
        }

        // a new set of securities is a new covariance: the warm-up starts again
        var n = _securities.Count;
        _covariance = n == 0 ? null : new SampledReturnCovariance(Limits.Sampling, n, CreateClock(_securities));
        _prices = new double[n];
        _exposures = new double[n];
        _matrix = new double[n * n];
        _marginal = new double[n];
        _components = new double[n];
        State = ValueAtRiskLimitState.WarmingUp;
        ValueAtRisk = ExpectedShortfall = double.NaN;
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

    /// <summary>The price positions are valued and returns sampled at, account currency per unit: LEAN's <c>Security.Price</c>.</summary>
    protected virtual decimal GetPrice(Security security) => security.Price;

    /// <summary>The quantity whose VaR is limited: the security's holdings (working orders are the quotes being resized).</summary>
    protected virtual decimal GetHoldings(Security security) => security.Holdings.Quantity;

    /// <summary>Writes to the algorithm log; called once when the positions start being reduced, not per step.</summary>
    protected virtual void Log(QCAlgorithm algorithm, string message) => algorithm.Log(message);

    /// <summary>
    /// |t*| rounded down to the lot: the trade t of security i (units) that minimises the book's variance eᵀΣe along eᵢ,
    /// t* = −(Σe)ᵢ/(pᵢΣᵢᵢ); any trade between 0 and t* lowers the VaR.
    /// </summary>
    private decimal ReducingQuantity(int i, decimal lot)
    {
        var n = _securities.Count;
        var product = 0.0;
        for (var j = 0; j < n; j++)
        {
            product += _matrix[(i * n) + j] * _exposures[j];
        }

        var variance = _matrix[(i * n) + i];
        var quantity = variance > 0 && _prices[i] > 0 ? Math.Abs(product / (variance * _prices[i])) : 0.0;
        var units = double.IsFinite(quantity) && quantity < 1e15 ? (decimal)quantity : 0m;
        return lot > 0 ? Math.Floor(units / lot) * lot : units;
    }

    private void ReadPrices()
    {
        for (var i = 0; i < _securities.Count; i++)
        {
            var security = _securities[i];
            var price = (double)GetPrice(security);
            _prices[i] = price;
            _exposures[i] = (double)GetHoldings(security) * price;
        }
    }

    private ValueAtRiskLimitState Classify(double valueAtRisk) =>
        valueAtRisk <= Limits.SoftLimit ? ValueAtRiskLimitState.Normal
        : valueAtRisk < Limits.HardLimit ? ValueAtRiskLimitState.Scaling
        : valueAtRisk <= Limits.ReduceLimit ? ValueAtRiskLimitState.ReducingOnly
        : ValueAtRiskLimitState.Reducing;

    private void Reduce(QCAlgorithm algorithm, IPortfolioTarget[] targets, bool log)
    {
        _plainThisStep.Clear();
        foreach (var target in targets)
        {
            if (target is not IQuoteTarget)
            {
                _plainThisStep[target.Symbol] = target.Quantity;
            }
        }

        var scale = (decimal)(Limits.HardLimit / ValueAtRisk);
        var logged = !log;
        foreach (var security in _securities)
        {
            var holdings = GetHoldings(security);
            if (holdings == 0)
            {
                continue;
            }

            var lot = security.SymbolProperties.LotSize;
            var reduced = lot > 0 ? Math.Truncate(holdings * scale / lot) * lot : holdings * scale;
            if (_plainThisStep.TryGetValue(security.Symbol, out var given) && given * holdings >= 0 && Math.Abs(given) <= Math.Abs(reduced))
            {
                continue;
            }

            if (!logged)
            {
                logged = true;
                Log(algorithm, $"{nameof(ValueAtRiskLimitRiskManagementModel)}: VaR {ValueAtRisk:F2} > reduce limit {Limits.ReduceLimit:F2}; " +
                    $"scaling positions by {scale:F4}");
            }

            _result.Add(new PortfolioTarget(security.Symbol, reduced, "VaR limit: reduce to the hard limit"));
        }
    }

    private static decimal Scale(decimal size, double factor, decimal lot)
    {
        var scaled = size * (decimal)factor;
        return lot > 0 ? Math.Floor(scaled / lot) * lot : scaled;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}
