using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Quoting.Glft;

/// <summary>
/// The exact finite-horizon GLFT quotes for inventories in [−Q, Q]: Guéant, Lehalle &amp; Fernandez-Tapia (2013),
/// Theorem 1 (v(t) = exp(−M(T − t))·𝟙 of Proposition 2), with the drift (§5.1, Proposition "Solution with a drift")
/// and market-impact/adverse-selection (§5.2, Proposition "Solution with market impact") extensions, and the order
/// size Δ and objective (model A ξᵤ = γ / model B ξᵤ = 0) of Guéant (2017). Inventory is counted in lots of Δ:
/// <code>
/// δᵇ(t, nΔ) = (1/k)·ln(v_n(t)/v_{n+1}(t)) + ξ/2 + δ̃   (n &lt; N = Q/Δ)
/// δᵃ(t, nΔ) = (1/k)·ln(v_n(t)/v_{n−1}(t)) + ξ/2 + δ̃   (n &gt; −N)
/// </code>
/// with M, v(T) and the constants as documented on <see cref="GlftParameters"/> (δ̃ = BaseDepth) and ξ the adverse
/// selection per fill. <see cref="ErgodicQuote"/> gives the T → ∞ limit (GLFT Theorem 2), v replaced by the ground
/// eigenvector of M.
/// </summary>
/// <remarks>
/// <para>Numerics: v(t) = exp(−M(T − t))·v(T) comes from <see cref="Numerics.TridiagonalMetzlerExponential"/> on G = −M
/// (one symmetric eigendecomposition at construction, also giving λ₀ and the ground state): the spectral sum where
/// its error bound shows every entry accurate to 1e-9, otherwise the entrywise-exact positive series, so all entries
/// of v — including those at ±Q, 10⁻²⁴ of the centre for hftbacktest's ETHUSDT fit with Q = 20 lots — carry full
/// relative precision and nothing over/underflows. The last τ's log-vector is cached as one immutable entry: repeated
/// quotes at the same time cost O(1), take no lock and allocate nothing; a new τ costs O(n²) (spectral) or
/// O(n²·log₂(τ/h)) (series; its table of powers is built on the first such τ), runs under a lock and allocates one
/// cache entry. Thread-safe.</para>
/// <para>Bounds: at n = N the bid has size 0, at n = −N the ask has size 0; the disabled side is priced at the
/// closed-form depth of <see cref="GlftClosedFormModel"/> for that inventory, widened if needed so the spread is at
/// least 2(δ̃ + ξ/2), hence finite and Bid &lt; Ask. Inventory off the grid is rounded to the nearest lot;
/// |q| &gt; Q throws <see cref="MarketMakingErrorKind.InventoryLimitViolation"/>.</para>
/// <para>Drift rule: the persistent μ is <see cref="GlftParameters.Drift"/>, built into M at construction (exact); a
/// persistent <see cref="MarketSnapshot.Drift"/> throws <see cref="MarketMakingErrorKind.InvalidMarketData"/> (construct the
/// model with that drift instead). A short-lived view — snapshot drift μ with a finite
/// <see cref="MarketSnapshot.DriftDecayTime"/> h, i.e. drift μe^(−(s − t)/h) at future times s — enters M as the
/// time-dependent diagonal −kμe^(−(s − t)/h)·n, so v solves a non-autonomous system. To first order in μ (Duhamel),
/// ln v gains kμ·R(τ) with R_n = δv_n/v_n the response of exp(−Mτ)·v(T) to that perturbation per unit
/// (<see cref="Numerics.TridiagonalMetzlerExponential.DecayingDiagonalResponse"/>, entrywise accurate), so
/// δᵇ gains μ·(R_n − R_{n+1}) and δᵃ gains μ·(R_n − R_{n−1}); the dropped terms are O(μ²) (the view's effect on its own
/// response; the tests compare with an RK4 solution of the non-autonomous system). In the ergodic, far-from-the-bound
/// regime this is the closed form's κh/(1 + κh) weighting (<see cref="GlftClosedFormModel"/>).
/// <see cref="MarketSnapshot.AdverseSelection"/> is a premium added to both depths.
/// Time: τ = T − t, with t ∈ [0, T] (t &gt; T throws InvalidMarketData).</para>
/// <para>Limits: N ≤ <see cref="MaxLevels"/>; the log dynamic range of v (ergodic shape plus the ξ terminal
/// condition) must stay below <see cref="MaxLogRange"/> nats, otherwise construction throws InvalidParameters.</para>
/// </remarks>
public sealed class GlftExactModel : IQuotingModel
{
    /// <summary>Largest supported Q/Δ (the grid has 2N+1 levels and M is dense-exponentiated).</summary>
    public const int MaxLevels = 200;

    /// <summary>Largest supported ln(max v / min v), in nats, so every entry of v stays a normal double.</summary>
    public const double MaxLogRange = 600.0;

    private readonly object _gate = new();
    private readonly GlftGenerator _generator;
    private readonly GlftClosedFormModel _closedForm;
    private readonly double[] _inventoryLots;
    private volatile CacheEntry? _cache;
    private volatile ResponseEntry? _response;

    /// <summary>Builds and eigendecomposes M.</summary>
    /// <param name="parameters">Model parameters.</param>
    /// <param name="horizon">T &gt; 0, in the time unit of the parameters.</param>
    /// <param name="maxInventory">Q &gt; 0, in asset units, a multiple of the order size Δ.</param>
    public GlftExactModel(GlftParameters parameters, double horizon, double maxInventory)
    {
        Parameters = parameters ?? throw Guard.Invalid(nameof(parameters), "must not be null");
        Horizon = Guard.Positive(horizon, nameof(horizon));
        MaxInventory = Guard.Positive(maxInventory, nameof(maxInventory));
        var lots = maxInventory / parameters.OrderSize;
        var levels = Math.Round(lots);
        if (levels < 1 || Math.Abs(lots - levels) > 1e-9 * Math.Max(1.0, lots))
        {
            throw Guard.Invalid(nameof(maxInventory), $"must be a positive multiple of the order size {parameters.OrderSize}, got {maxInventory}");
        }

        if (levels > MaxLevels)
        {
            throw Guard.Invalid(nameof(maxInventory), $"Q/Δ = {levels} exceeds the supported {MaxLevels} levels");
        }

        Levels = (int)levels;
        _inventoryLots = new double[2 * Levels + 1];
        for (var j = 0; j < _inventoryLots.Length; j++)
        {
            _inventoryLots[j] = j - Levels;
        }

        _closedForm = new GlftClosedFormModel(parameters);
        _generator = new GlftGenerator(parameters, Levels, horizon);
        var range = Range(_generator.LogGroundState) + Range(_generator.LogTerminal);
        if (!(range <= MaxLogRange))
        {
            throw Guard.Invalid(
                nameof(maxInventory),
                $"v would span {range:G4} nats between inventory 0 and ±Q (limit {MaxLogRange}); quotes at ±Q would be meaningless — reduce Q");
        }
    }

    /// <summary>The parameters.</summary>
    public GlftParameters Parameters { get; }

    /// <summary>Horizon T, time units.</summary>
    public double Horizon { get; }

    /// <summary>Inventory bound Q, asset units.</summary>
    public double MaxInventory { get; }

    /// <summary>N = Q/Δ, the number of lots on each side.</summary>
    public int Levels { get; }

    /// <inheritdoc />
    public TwoSidedQuote Quote(in MarketSnapshot snapshot)
    {
        if (snapshot.Time > Horizon)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.InvalidMarketData,
                $"time {snapshot.Time} is beyond the horizon {Horizon}",
                nameof(snapshot.Time));
        }

        var tau = Horizon - snapshot.Time;
        var cache = _cache;
        if (cache is null || cache.Tau != tau)
        {
            cache = Compute(tau);
            _cache = cache;
        }

        return Build(snapshot, cache.LogV, DriftResponse(snapshot, tau));
    }

    /// <summary>
    /// The ergodic quotes, lim T→∞ of <see cref="Quote"/> (GLFT Theorem 2 and its §5 analogues): v replaced by the
    /// eigenvector of M for its smallest eigenvalue. <see cref="MarketSnapshot.Time"/> is ignored; the other rules are those of <see cref="Quote"/>.
    /// </summary>
    public TwoSidedQuote ErgodicQuote(in MarketSnapshot snapshot) =>
        Build(snapshot, _generator.LogGroundState, DriftResponse(snapshot, double.PositiveInfinity));

    /// <summary>The matrix M (internal for tests).</summary>
    internal GlftGenerator Generator => _generator;

    private TwoSidedQuote Build(in MarketSnapshot snapshot, double[] logV, double[]? response)
    {
        var q = snapshot.Inventory;
        if (Math.Abs(q) > MaxInventory * (1.0 + 1e-12))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.InventoryLimitViolation,
                $"inventory {q} is outside [−{MaxInventory}, {MaxInventory}]",
                nameof(snapshot.Inventory));
        }

        var p = Parameters;
        var n = (int)Math.Round(q / p.OrderSize);
        var i = n + Levels;
        var inverseK = 1.0 / p.DepthDecay;
        var baseDepth = p.BaseDepth + 0.5 * p.AdverseSelectionPerFill + snapshot.AdverseSelection;
        var canBuy = n < Levels;
        var canSell = n > -Levels;
        var bid = canBuy ? (logV[i] - logV[i + 1]) * inverseK + baseDepth : 0.0;
        var ask = canSell ? (logV[i] - logV[i - 1]) * inverseK + baseDepth : 0.0;
        if (response is not null)
        {
            // First order in the view μ: ln v gains kμ·R, so the depths move by μ·(R_n − R_{n±1}).
            var mu = snapshot.Drift;
            bid += canBuy ? mu * (response[i] - response[i + 1]) : 0.0;
            ask += canSell ? mu * (response[i] - response[i - 1]) : 0.0;
            if (!double.IsFinite(bid) || !double.IsFinite(ask))
            {
                throw new MarketMakingException(
                    MarketMakingErrorKind.NumericalInstability,
                    $"the drift view's first-order response is not representable at inventory {q}",
                    nameof(snapshot.Drift));
            }
        }

        var lotInventory = n * p.OrderSize;
        if (!canBuy)
        {
            bid = Math.Max(_closedForm.BidDepth(lotInventory) + snapshot.AdverseSelection, 2.0 * baseDepth - ask);
        }

        if (!canSell)
        {
            ask = Math.Max(_closedForm.AskDepth(lotInventory) + snapshot.AdverseSelection, 2.0 * baseDepth - bid);
        }

        var mid = snapshot.Mid;
        return TwoSidedQuote.FromDepths(
            mid,
            mid + 0.5 * (ask - bid),
            bid,
            ask,
            canBuy ? p.OrderSize : 0.0,
            canSell ? p.OrderSize : 0.0);
    }

    // null without a view; a persistent snapshot drift is refused (it belongs in the parameters, solved exactly).
    private double[]? DriftResponse(in MarketSnapshot snapshot, double tau)
    {
        if (snapshot.Drift == 0.0)
        {
            return null;
        }

        var decayTime = snapshot.DriftDecayTime;
        if (double.IsPositiveInfinity(decayTime))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.InvalidMarketData,
                $"the exact GLFT model has its persistent drift ({Parameters.Drift}) built in; got a persistent snapshot drift {snapshot.Drift} (give it a DriftDecayTime, or construct the model with it)",
                nameof(snapshot.Drift));
        }

        var response = _response;
        if (response is not null && response.Tau.Equals(tau) && response.DecayTime.Equals(decayTime))
        {
            return response.Values;
        }

        lock (_gate)
        {
            var values = new double[_inventoryLots.Length];
            _generator.Exponential.DecayingDiagonalResponse(tau, 1 / decayTime, _inventoryLots, values);

            _response = new ResponseEntry(tau, decayTime, values);
            return values;
        }
    }

    private CacheEntry Compute(double tau)
    {
        lock (_gate)
        {
            var cache = _cache;
            return cache is not null && cache.Tau == tau
                ? cache
                : new CacheEntry(tau, _generator.Exponential.LogApply(tau).ToArray());
        }
    }

    private static double Range(double[] values)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return max - min;
    }

    private sealed record CacheEntry(double Tau, double[] LogV);

    private sealed record ResponseEntry(double Tau, double DecayTime, double[] Values);
}
