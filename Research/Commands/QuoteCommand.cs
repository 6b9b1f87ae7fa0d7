using System;
using System.IO;
using System.Text.Json;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Models.Quoting.MultiAsset;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>quote</c>: reads one JSON object on stdin describing a model and a market state and prints the model's quote
/// as one JSON object: <c>reservation</c>, <c>bid</c>, <c>ask</c>, <c>bidDepth</c>, <c>askDepth</c>
/// (arrays for <c>model: "multi"</c>).
/// </summary>
internal sealed class QuoteCommand : IResearchCommand
{
    /// <inheritdoc/>
    public string Name => "quote";

    /// <inheritdoc/>
    public string Summary => "JSON model + state on stdin -> optimal quote as JSON (models: as, as-infinite, glft, glft-exact, cj, multi)";

    /// <inheritdoc/>
    public int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var input = JsonFields.Parse(stdin);
        var model = input.String("model");
        if (model == "multi")
        {
            WriteMulti(stdout, input);
            return 0;
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
            _ => throw new CommandLineException($"field 'model' must be one of as, as-infinite, glft, glft-exact, cj, multi; got '{model}'"),
        };
        var snapshot = new MarketSnapshot(
            input.Number("mid"),
            input.Number("time", 0),
            input.Number("inventory", 0),
            input.Number("drift", 0));
        var quote = quotingModel.Quote(snapshot);
        JsonFields.WriteObject(stdout, w =>
        {
            JsonFields.WriteNumber(w, "reservation", quote.Reservation);
            JsonFields.WriteNumber(w, "bid", quote.Bid);
            JsonFields.WriteNumber(w, "ask", quote.Ask);
            JsonFields.WriteNumber(w, "bidDepth", quote.BidDepth);
            JsonFields.WriteNumber(w, "askDepth", quote.AskDepth);
            JsonFields.WriteNumber(w, "bidSize", quote.BidSize);
            JsonFields.WriteNumber(w, "askSize", quote.AskSize);
        });
        return 0;
    }

    private static void WriteMulti(TextWriter stdout, JsonFields input)
    {
        var mids = input.Vector("mid");
        var n = mids.Length;
        var inventory = input.VectorOrScalar("inventory", n);
        var regime = input.Has("regime") ? input.String("regime") : "finite";
        var parameters = new MultiAssetGlftParameters(
            input.SquareMatrix("covariance"),
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
            WriteColumn(w, "reservation", quotes, q => q.Reservation);
            WriteColumn(w, "bid", quotes, q => q.Bid);
            WriteColumn(w, "ask", quotes, q => q.Ask);
            WriteColumn(w, "bidDepth", quotes, q => q.BidDepth);
            WriteColumn(w, "askDepth", quotes, q => q.AskDepth);
            WriteColumn(w, "bidSize", quotes, q => q.BidSize);
            WriteColumn(w, "askSize", quotes, q => q.AskSize);
        });
    }

    private static MultiAssetGlftObjective Objective(JsonFields input)
    {
        var objective = input.Has("objective") ? input.String("objective") : "cara";
        return objective switch
        {
            "cara" => MultiAssetGlftObjective.Cara,
            "risk-neutral" => MultiAssetGlftObjective.RiskNeutralWithPenalty,
            _ => throw new CommandLineException($"field 'objective' must be 'cara' or 'risk-neutral', got '{objective}'"),
        };
    }

    private static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }

    private static void WriteColumn(Utf8JsonWriter writer, string name, TwoSidedQuote[] quotes, Func<TwoSidedQuote, double> select) =>
        JsonFields.WriteNumbers(writer, name, Array.ConvertAll(quotes, q => select(q)));
}
