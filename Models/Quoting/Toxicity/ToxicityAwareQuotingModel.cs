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
/// the snapshot's drift, and past the threshold the exposed side gets size 0 (its price is kept, so Bid &lt; Ask holds).
/// <para>Adding views: a snapshot drift μ_s with decay time h_s and the toxicity view μ_t with decay time h give the
/// drift μ_s + μ_t with the |μ|-weighted mean decay time (the rule of the LEAN layer's insight aggregation; a persistent
/// snapshot drift makes the sum persistent). Exact for the GLFT closed form, whose quotes are linear in the drift;
/// to first order in μ for the exact GLFT and Cartea–Jaimungal models.</para>
/// Thread-safe; allocation-free once every level in use has been built.
/// </summary>
public sealed class ToxicityAwareQuotingModel : IQuotingModel
{
    private readonly Func<double, IQuotingModel> _factory;
    private readonly IQuotingModel?[] _models;

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
    /// Cartea–Jaimungal (<see cref="CarteaJaimungalModel"/>) with both expected market-order moves ρε± raised by ξ(T):
    /// the jumps are rebuilt with ρ = 1 and ε± = ρε± + ξ (the model depends on ρ and ε± only through ρε±).
    /// </summary>
    public static ToxicityAwareQuotingModel CarteaJaimungal(CarteaJaimungalParameters parameters, MidPriceJumpParameters? jumps, ToxicityResponse response)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var j = jumps ?? MidPriceJumpParameters.None;
        return new ToxicityAwareQuotingModel(
            xi => new CarteaJaimungalModel(parameters, new MidPriceJumpParameters(j.JumpIntensity, j.UpwardJumpProbability, j.UpwardJumpRate,
                j.DownwardJumpRate, 1, j.AskAdverseSelection + xi, j.BidAdverseSelection + xi, j.JumpRiskAversion)),
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
        var model = ModelAt(level);
        var view = Response.Drift(level, snapshot.InformedSide);
        var quote = view == 0 ? model.Quote(snapshot) : model.Quote(WithView(snapshot, view, Response.DriftDecayTime));
        if (snapshot.InformedSide != 0 && Response.PullsExposedSide(level))
        {
            quote = snapshot.InformedSide > 0 ? quote with { AskSize = 0 } : quote with { BidSize = 0 };
        }

        return quote;
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
