using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Regimes;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Quoting.Glft;
using Lean.MarketMaking.Models.Quoting.MultiAsset;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>quote</c>: reads one JSON object on stdin describing a model and a market state and prints the model's quote
/// as one JSON object: <c>reservation</c>, <c>bid</c>, <c>ask</c>, <c>bidDepth</c>, <c>askDepth</c>
/// (arrays for <c>model: "multi"</c>). For <c>multi</c>, in place of <c>covariance</c> the regime-dependent covariance
/// (<see cref="RegimeCovariance"/>, Hamilton 1989) of <c>"regimes":[{"covariance":[[…]],"mean":[…],"probability":p},…]</c>
/// (one Σⱼ per regime, optional mean μⱼ, default 0, and the current regime probability) over
/// <c>regimeSteps</c> h steps (default 0) of the transition matrix <c>regimeTransition</c> (default the identity):
/// Σ = Σⱼ wⱼΣⱼ + Σⱼ wⱼ(μⱼ − μ̄)(μⱼ − μ̄)ᵀ with w = p·Pʰ.
/// </summary>
internal sealed class QuoteCommand : IResearchCommand
{

    // Model parameter names → the JSON fields they come from, so that errors name what the user typed.
    private static readonly Dictionary<string, string> FieldOfParameter = new()
    {
        ["riskAversion"] = "gamma",
        ["volatility"] = "sigma",
        ["arrivalRate"] = "A",
        ["intensityScale"] = "A",
        ["depthDecay"] = "k",
        ["intensityDecay"] = "k",
        ["adverseSelectionPerFill"] = "adverseSelection",
        ["adverseSelectionPremium"] = "adverseSelection",
        ["discountRate"] = "discountRate",
        ["runningPenalty"] = "phi",
        ["terminalPenalty"] = "alpha",
        ["fillDecay"] = "k",
        ["buyOrderRate"] = "lambdaBuy",
        ["sellOrderRate"] = "lambdaSell",
        ["lotSize"] = "orderSize",
        ["upwardJumpProbability"] = "jumpUpProbability",
        ["upwardJumpRate"] = "jumpUpRate",
        ["downwardJumpRate"] = "jumpDownRate",
        ["marketOrderJumpProbability"] = "moJumpProbability",
        ["buyOrderJumpSize"] = "moJumpUp",
        ["sellOrderJumpSize"] = "moJumpDown",
        ["volatilityClustering"] = "jumpClustering",
        ["clusteringDecayRate"] = "jumpClusteringDecay",
        ["mids"] = "mid",
        ["mid"] = "mid",
        ["Time"] = "time",
        ["initialDistribution"] = "regimes[].probability",
        ["probabilities"] = "regimes[].probability",
        ["transitionMatrix"] = "regimeTransition",
        ["horizonSteps"] = "regimeSteps",
    };

    // The output fields, in order: one number each for a single-asset model, one array each (per asset) for "multi".
    private static readonly (string Name, Func<TwoSidedQuote, double> Select)[] OutputFields =
    {
        ("reservation", q => q.Reservation),
        ("bid", q => q.Bid),
        ("ask", q => q.Ask),
        ("bidDepth", q => q.BidDepth),
        ("askDepth", q => q.AskDepth),
        ("bidSize", q => q.BidSize),
        ("askSize", q => q.AskSize),
    };

    /// <inheritdoc/>
    public Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command(
            "quote",
            "Reads one JSON object (model + market state) on stdin and prints the model's optimal quote as one JSON object. "
            + "model: as, as-infinite, glft, glft-exact, cj, multi. Fields: mid (price units), inventory (units), gamma (per price unit), "
            + "sigma (price units per sqrt time unit), A (fills per time unit), k (per price unit), horizon and time (time units, "
            + "0 <= time <= horizon), maxInventory, drift, adverseSelection, orderSize, objective, regime, discountRate, phi, alpha, "
            + "lambdaBuy, lambdaSell, jump fields (cj: jumpIntensity, jumpUpProbability, jumpUpRate, jumpDownRate, moJumpProbability, "
            + "moJumpUp, moJumpDown, jumpRiskAversion; volatility clustering: jumpClustering, jumpClusteringDecay, jumpIntensityNow). Output: reservation, bid, ask, bidDepth, askDepth, bidSize, askSize.");
        command.SetAction(_ => Run(stdin, stdout));
        return command;
    }

    private static int Run(TextReader stdin, TextWriter stdout)
    {
        try
        {
            Quote(JsonFields.Parse(stdin), stdout);
            return 0;
        }
        catch (MarketMakingException e) when (e.ParameterName is not null)
        {
            throw CommandLineException.ForField(e, FieldOfParameter);
        }
    }

    private static void Quote(JsonFields input, TextWriter stdout)
    {
        var model = input.String("model");
        if (model == "multi")
        {
            WriteMulti(stdout, input);
            return;
        }

        // A does not enter the AS quote (only k does), but A = 0 would mean no fill ever: a given A must be a rate > 0.
        if (model is "as" or "as-infinite" && input.Has("A"))
        {
            Guard.Positive(input.Number("A"), "A");
        }

        IQuotingModel quotingModel = model switch
        {
            "as" => new AvellanedaStoikovModel(new AvellanedaStoikovParameters(
                input.Number("gamma"),
                input.Number("sigma"),
                input.Number("k"),
                input.Number("horizon"),
                input.Number("orderSize", 1),
                input.Number("adverseSelection", 0))),
            "as-infinite" => new InfiniteHorizonAvellanedaStoikovModel(new InfiniteHorizonAvellanedaStoikovParameters(
                input.Number("gamma"),
                input.Number("sigma"),
                input.Number("k"),
                input.Number("discountRate"),
                input.Number("maxInventory"),
                input.Number("orderSize", 1),
                input.Number("adverseSelection", 0))),
            "glft" => new GlftClosedFormModel(Glft(input)),
            "glft-exact" => new GlftExactModel(Glft(input), input.Number("horizon"), input.Number("maxInventory")),
            "cj" => new CarteaJaimungalModel(
                new CarteaJaimungalParameters(
                    input.Number("phi"),
                    input.Number("alpha"),
                    input.Number("k"),
                    input.Number("lambdaBuy"),
                    input.Number("lambdaSell"),
                    input.Integer("maxInventory"),
                    input.Number("orderSize", 1),
                    input.Number("horizon")),
                input.Has("jumpIntensity") ? Jumps(input) : null),
            _ => throw new CommandLineException($"field 'model' must be one of as, as-infinite, glft, glft-exact, cj, multi; got '{model}'"),
        };
        if (model == "as")
        {
            // The AS model quotes its terminal quote past the horizon; here a time past it is a mistake in the input.
            Guard.InRange(input.Number("time", 0), 0, input.Number("horizon"), "time");
        }

        // GLFT takes its drift as a model parameter (§5.1 changes the generator); the others read it from the snapshot.
        var driftInSnapshot = model is not ("glft" or "glft-exact");
        var snapshot = new MarketSnapshot(
            input.Number("mid"),
            input.Number("time", 0),
            input.Number("inventory", 0),
            driftInSnapshot ? input.Number("drift", 0) : 0);
        // Self-exciting jumps (volatility clustering): the quote at the jumps' conditional intensity now (default: their mean).
        var quote = quotingModel is CarteaJaimungalModel cj && input.Has("jumpIntensityNow")
            ? cj.Quote(snapshot, JumpIntensityNow(input))
            : quotingModel.Quote(snapshot);
        JsonFields.WriteObject(stdout, w =>
        {
            foreach (var (name, select) in OutputFields)
            {
                JsonFields.WriteNumber(w, name, select(quote));
            }
        });
    }

    /// <summary>The covariance of the <c>regimes</c> blended by their probabilities <c>regimeSteps</c> steps of <c>regimeTransition</c> ahead.</summary>
    private static double[,] RegimeBlend(JsonFields input, int n)
    {
        var regimes = input.Objects("regimes");
        var k = regimes.Length;
        if (k == 0)
        {
            throw new CommandLineException("field 'regimes' must hold at least one regime");
        }

        var probabilities = new double[k];
        var emissions = new GaussianEmission[k];
        for (var j = 0; j < k; j++)
        {
            probabilities[j] = regimes[j].Number("probability");
            var mean = regimes[j].Has("mean") ? regimes[j].Vector("mean") : new double[n];
            var covariance = regimes[j].SquareMatrix("covariance");
            if (mean.Length != n || covariance.GetLength(0) != n)
            {
                throw new CommandLineException($"field 'regimes[{j}]' must describe {n} assets (one per mid), got {covariance.GetLength(0)}");
            }

            emissions[j] = new GaussianEmission(mean, covariance);
        }

        var transition = input.Has("regimeTransition") ? input.SquareMatrix("regimeTransition") : Identity(k);
        if (transition.GetLength(0) != k)
        {
            throw new CommandLineException($"field 'regimeTransition' must be {k} x {k} (one row per regime), got {transition.GetLength(0)}");
        }

        var steps = input.Has("regimeSteps") ? input.Integer("regimeSteps") : 0;
        return new RegimeCovariance(new HiddenMarkovModelParameters(probabilities, transition, emissions)).Covariance(probabilities, steps);
    }

    private static double[,] Identity(int k)
    {
        var identity = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            identity[i, i] = 1;
        }

        return identity;
    }

    private static void WriteMulti(TextWriter stdout, JsonFields input)
    {
        var mids = input.Vector("mid");
        var n = mids.Length;
        var inventory = input.VectorOrScalar("inventory", n);
        var regime = input.Has("regime") ? input.String("regime") : "finite";
        var parameters = new MultiAssetGlftParameters(
            input.Has("regimes") ? RegimeBlend(input, n) : input.SquareMatrix("covariance"),
            input.VectorOrScalar("A", n),
            input.VectorOrScalar("k", n),
            input.Has("orderSize") ? input.VectorOrScalar("orderSize", n) : Ones(n),
            input.Number("gamma"),
            input.Number("horizon"),
            Objective(input));
        var model = new MultiAssetGlftModel(parameters, regime switch
        {
            "finite" => MultiAssetGlftRegime.FiniteHorizon,
            "ergodic" => MultiAssetGlftRegime.Ergodic,
            _ => throw new CommandLineException($"field 'regime' must be 'finite' or 'ergodic', got '{regime}'"),
        });
        var quotes = new TwoSidedQuote[n];
        model.Quote(mids, inventory, input.Number("time", 0), quotes);
        JsonFields.WriteObject(stdout, w =>
        {
            foreach (var (name, select) in OutputFields)
            {
                JsonFields.WriteNumbers(w, name, Array.ConvertAll(quotes, q => select(q)));
            }
        });
    }

    private static MidPriceJumpParameters Jumps(JsonFields input) => new(
        input.Number("jumpIntensity"),
        input.Number("jumpUpProbability", 0.5),
        input.Number("jumpUpRate"),
        input.Number("jumpDownRate"),
        input.Number("moJumpProbability", 0),
        input.Number("moJumpUp", 0),
        input.Number("moJumpDown", 0),
        input.Number("jumpRiskAversion", 0),
        input.Number("jumpClustering", 0),
        input.Number("jumpClusteringDecay", 1));

    private static double JumpIntensityNow(JsonFields input)
    {
        if (!input.Has("jumpIntensity"))
        {
            throw new CommandLineException("field 'jumpIntensityNow' needs the jump fields (jumpIntensity, the jumps' mean rate, and their sizes)");
        }

        return Guard.NonNegative(input.Number("jumpIntensityNow"), "jumpIntensityNow");
    }

    private static GlftParameters Glft(JsonFields input) => new(
        input.Number("gamma"),
        input.Number("sigma"),
        input.Number("A"),
        input.Number("k"),
        input.Number("orderSize", 1),
        input.Number("drift", 0),
        input.Number("adverseSelection", 0),
        Objective(input));

    private static GlftObjective Objective(JsonFields input)
    {
        var objective = input.Has("objective") ? input.String("objective") : "cara";
        return objective switch
        {
            "cara" => GlftObjective.Cara,
            "risk-neutral" => GlftObjective.RiskNeutral,
            _ => throw new CommandLineException($"field 'objective' must be 'cara' or 'risk-neutral', got '{objective}'"),
        };
    }

    private static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
