using System;
using System.Threading;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Quoting.Glft;

namespace Lean.MarketMaking.Models.Quoting.Toxicity;

/// <summary>
/// A quoting model whose adverse-selection and drift inputs follow the order-flow toxicity of the snapshot
/// (<see cref="MarketSnapshot.FlowToxicity"/>, <see cref="MarketSnapshot.InformedSide"/>) through one
/// <see cref="ToxicityResponse"/>: the wrapped model is built with ξ = ξ(T) (its adverse selection per fill, a
/// construction parameter; one model per score level, built on first use and kept), the toxicity drift view is added to
/// the snapshot's drift, the quote is held to the protection envelope below, and past the threshold the exposed side gets
/// size 0 (its price is kept, so Bid &lt; Ask holds).
/// </summary>
/// <remarks>
/// <para><b>Adding views.</b> A snapshot drift μ_s with decay time h_s and the toxicity view μ_t with decay time h give
/// the drift μ_s + μ_t with the |μ|-weighted mean decay time (the rule of the LEAN layer's insight aggregation; a
/// persistent snapshot drift makes the sum persistent). Exact for the GLFT closed form, whose quotes are linear in the
/// drift; to first order in μ for the exact GLFT and Cartea–Jaimungal models.</para>
/// <para><b>Protection envelope.</b> More toxic flow must never narrow the spread nor move the exposed side (the ask
/// when buyers are informed, the bid when sellers are) towards the mid. The wrapped models alone do not guarantee it.
/// In the GLFT closed form the exposed depth at inventory q, side d, is δ̃ + ξ/2 + (Δ/2 − d·q)·S₀e^(kξ/4) + μh/(1 + κh)
/// (view μ = μ_max·T̂, κ = γσ²/S), whose slope in ξ, ½ + (k/4)(Δ/2 − d·q)·S + (view term ≥ 0), is negative once d·q
/// exceeds Δ/2 + 2/(kS): adverse selection makes inventory harder to unload (the skew grows as e^(kξ/4)), so a position
/// the informed flow favours (long when buyers are informed) pulls the exposed, inventory-reducing side in. Cartea–Jaimungal
/// does the same through its fill rates λ±e^(−κε±). So, for one snapshot, with eⱼ, uⱼ the exposed and other depths and sⱼ
/// the spread of the wrapped model at level j: without a side the spread is Ŝ_ℓ = max_{j≤ℓ} sⱼ (the missing width added
/// half to each side); with one, Ê_ℓ = max(e_ℓ, Ê_{ℓ−1}, Ŝ_{ℓ−1} − u_ℓ) and Ŝ_ℓ = Ê_ℓ + u_ℓ, the other side kept (its
/// move towards the mid is the intended skew away from the informed flow). By induction Ê and Ŝ never fall as ℓ rises,
/// and ℓ = <see cref="ToxicityResponse.Level"/>(T) never falls as T rises, hence the property for every wrapped model;
/// where the wrapped model is already monotone the quote is its own. The reservation price stays the model's. Cost:
/// ℓ + 1 wrapped quotes per call.</para>
/// <para>Thread-safe; allocation-free once every level in use has been built.</para>
/// </remarks>
public sealed class ToxicityAwareQuotingModel : IQuotingModel
{
    private readonly Func<double, IQuotingModel> _factory;
    private readonly IQuotingModel?[] _models;
    private long _pulledQuotes;

    /// <summary>Creates the model.</summary>
    /// <param name="factory">Builds the wrapped model for an adverse selection per fill ξ (price units).</param>
    /// <param name="response">The toxicity mapping.</param>
    public ToxicityAwareQuotingModel(Func<double, IQuotingModel> factory, ToxicityResponse response)
    {
        _factory = factory ?? throw Guard.Invalid(nameof(factory), "must not be null");
        Response = response ?? throw Guard.Invalid(nameof(response), "must not be null");
        _models = new IQuotingModel?[response.Levels + 1];
    }

    /// <summary>The toxicity mapping.</summary>
    public ToxicityResponse Response { get; }

    /// <summary>How many quotes this model has returned with the exposed side pulled (size 0).</summary>
    public long PulledQuotes => Interlocked.Read(ref _pulledQuotes);

    /// <summary>
    /// GLFT closed form (<see cref="GlftClosedFormModel"/>) with ξ = the parameters' own ξ + ξ(T).
    /// </summary>
    public static ToxicityAwareQuotingModel Glft(GlftParameters parameters, ToxicityResponse response)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ToxicityAwareQuotingModel(
            xi => new GlftClosedFormModel(new GlftParameters(parameters.RiskAversion, parameters.Volatility, parameters.ArrivalRate,
                parameters.DepthDecay, parameters.OrderSize, parameters.Drift, parameters.AdverseSelectionPerFill + xi, parameters.Objective)),
            response);
    }

    /// <summary>
    /// Cartea–Jaimungal (<see cref="CarteaJaimungalModel"/>) with the expected market-order moves raised by ξ(T) on
    /// average and without a net drift: the jumps are rebuilt with ρ = 1 and ε± = ρε± + ξ·λ̄/λ±, λ̄ = 2λ⁺λ⁻/(λ⁺ + λ⁻)
    /// (the model depends on ρ and ε± only through ρε±). Then λ⁺Δε⁺ = λ⁻Δε⁻ = ξλ̄: the informed flow moves the mid as
    /// much up as down per unit of time, so the model's drift ρ(λ⁺ε⁺ − λ⁻ε⁻) is unchanged (raising both ε± by ξ added the
    /// drift ξ(λ⁺ − λ⁻), a direction the score does not know, which pushed quotes through the mid), and ½(Δε⁺ + Δε⁻) = ξ.
    /// The direction comes only from the drift view.
    /// </summary>
    public static ToxicityAwareQuotingModel CarteaJaimungal(CarteaJaimungalParameters parameters, MidPriceJumpParameters? jumps, ToxicityResponse response)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var j = jumps ?? MidPriceJumpParameters.None;
        var (buys, sells) = (parameters.BuyOrderRate, parameters.SellOrderRate);
        var harmonic = 2 * buys * sells / (buys + sells);
        return new ToxicityAwareQuotingModel(
            xi => new CarteaJaimungalModel(parameters, new MidPriceJumpParameters(j.JumpIntensity, j.UpwardJumpProbability, j.UpwardJumpRate,
                j.DownwardJumpRate, 1, j.AskAdverseSelection + (xi * harmonic / buys), j.BidAdverseSelection + (xi * harmonic / sells),
                j.JumpRiskAversion, j.VolatilityClustering, j.ClusteringDecayRate)),
            response);
    }

    /// <summary>The wrapped model at a score level (built on first use).</summary>
    public IQuotingModel ModelAt(int level)
    {
        var model = Volatile.Read(ref _models[level]);
        if (model is null)
        {
            var built = _factory(Response.AdverseSelectionPerFill(level)) ?? throw Guard.Invalid("factory", "returned null");
            model = Interlocked.CompareExchange(ref _models[level], built, null) ?? built;
        }

        return model;
    }

    /// <inheritdoc />
    public TwoSidedQuote Quote(in MarketSnapshot snapshot)
    {
        var level = Response.Level(snapshot.FlowToxicity);
        var side = Math.Sign(snapshot.InformedSide);
        var quote = level == 0 ? QuoteAt(0, snapshot) : Protect(level, side, snapshot);
        if (side != 0 && Response.PullsExposedSide(level))
        {
            quote = side > 0 ? quote with { AskSize = 0 } : quote with { BidSize = 0 };
            Interlocked.Increment(ref _pulledQuotes);
        }

        return quote;
    }

    /// <summary>The wrapped model's quote at a score level: ξ of the level and its drift view, no envelope, no pull.</summary>
    public TwoSidedQuote QuoteAt(int level, in MarketSnapshot snapshot)
    {
        var view = Response.Drift(level, snapshot.InformedSide);
        var model = ModelAt(level);
        return view == 0 ? model.Quote(snapshot) : model.Quote(WithView(snapshot, view, Response.DriftDecayTime));
    }

    /// <summary>
    /// The protection envelope over the levels 0 … ℓ of one snapshot. Without an informed side: spread Ŝⱼ = max(sⱼ, Ŝⱼ₋₁),
    /// the missing width added half to each side. With one: exposed depth Êⱼ = max(eⱼ, Êⱼ₋₁, Ŝⱼ₋₁ − uⱼ) and Ŝⱼ = Êⱼ + uⱼ
    /// (uⱼ the other side's depth, kept), so neither the exposed depth nor the spread ever falls as the level rises.
    /// </summary>
    private TwoSidedQuote Protect(int level, int side, in MarketSnapshot snapshot)
    {
        var exposed = double.NegativeInfinity;
        var spread = double.NegativeInfinity;
        TwoSidedQuote quote = default;
        for (var j = 0; j <= level; j++)
        {
            quote = QuoteAt(j, snapshot);
            if (side == 0)
            {
                spread = Math.Max(spread, quote.BidDepth + quote.AskDepth);
                continue;
            }

            var (e, u) = side > 0 ? (quote.AskDepth, quote.BidDepth) : (quote.BidDepth, quote.AskDepth);
            exposed = Math.Max(Math.Max(e, exposed), spread - u);
            spread = exposed + u;
        }

        double bidDepth = quote.BidDepth, askDepth = quote.AskDepth;
        if (side == 0)
        {
            var widen = spread - (bidDepth + askDepth);
            if (!(widen > 0))
            {
                return quote;
            }

            bidDepth += 0.5 * widen;
            askDepth += 0.5 * widen;
        }
        else if (side > 0)
        {
            if (!(exposed > askDepth))
            {
                return quote;
            }

            askDepth = exposed;
        }
        else
        {
            if (!(exposed > bidDepth))
            {
                return quote;
            }

            bidDepth = exposed;
        }

        return TwoSidedQuote.FromDepths(snapshot.Mid, quote.Reservation, bidDepth, askDepth, quote.BidSize, quote.AskSize);
    }

    private static MarketSnapshot WithView(in MarketSnapshot s, double view, double decayTime)
    {
        var drift = s.Drift + view;
        double decay;
        if (s.Drift == 0)
        {
            decay = decayTime;
        }
        else if (double.IsPositiveInfinity(s.DriftDecayTime))
        {
            decay = double.PositiveInfinity;
        }
        else
        {
            decay = ((Math.Abs(s.Drift) * s.DriftDecayTime) + (Math.Abs(view) * decayTime)) / (Math.Abs(s.Drift) + Math.Abs(view));
        }

        return new MarketSnapshot(s.Mid, s.Time, s.Inventory, drift, s.AdverseSelection, decay, s.FlowToxicity, s.InformedSide);
    }
}
