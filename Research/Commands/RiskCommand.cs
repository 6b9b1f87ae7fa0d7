using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Risk;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>risk</c>: reads <c>{"inventory":[…],"prices":[…],"returns":[[…],…],"confidence":0.99,"horizon":1,"method":…,
/// "seed":…,"scenarios":[{"name":…,"returns":[…]},…]}</c> on stdin (one row of n simple returns per period; a period's
/// P&amp;L is Σᵢ inventoryᵢ·priceᵢ·returnᵢ; horizon in periods) and prints <c>{"var":…,"es":…,"components":[…],
/// "marginal":[…],"esComponents":[…],"stress":[{"name":…,"pnl":…},…]}</c>: VaR and ES as positive losses in the prices'
/// currency, the Euler components (summing to VaR), marginal VaR and the Euler components of ES (summing to ES; not for
/// cornish-fisher) per asset, and each named return shock's P&amp;L. Methods: historical,
/// parametric, cornish-fisher, filtered-historical, monte-carlo; optional <c>decay</c> (age weight λ of the historical,
/// Cornish–Fisher and covariance estimates, default 1), <c>halfLife</c> (filtered historical EWMA, periods, default 11.2 ≈
/// RiskMetrics' λ = 0.94), <c>simulations</c> (Monte Carlo, default 100,000), <c>seed</c> (default 1), and for Monte Carlo
/// optional compensated mid-price jumps per asset (<see cref="MonteCarloJumps"/>, the Cartea–Jaimungal jump parameters):
/// <c>"jumps":[{"intensity":λ,"upProbability":p,"upRate":η⁺,"downRate":η⁻},…]</c> (one per asset, λ = 0 for none; rate
/// per time unit, jump sizes Exp(η) in price units) with <c>jumpPeriod</c>, one return period in that time unit (default 1).
/// <c>risk backtest</c>: reads <c>{"var":[…],"pnl":[…],"confidence":0.99}</c> (forecasts as positive losses, realised
/// P&amp;L) and prints the exception count, Kupiec and Christoffersen statistics with p-values and the Basel zone.
/// </summary>
internal sealed class RiskCommand : IResearchCommand
{
    private const string Methods = "historical, parametric, cornish-fisher, filtered-historical, monte-carlo";

    // Model parameter names → the JSON fields they come from, so that errors name what the user typed.
    private static readonly Dictionary<string, string> FieldOfParameter = new()
    {
        ["exposures"] = "inventory",
        ["covariance"] = "returns",
        ["horizonPeriods"] = "horizon",
        ["scenarioCount"] = "simulations",
        ["volatilityHalfLifePeriods"] = "halfLife",
        ["valueAtRiskForecasts"] = "var",
        ["profitAndLoss"] = "pnl",
        ["jumpIntensity"] = "jumps[].intensity",
        ["upwardJumpProbability"] = "jumps[].upProbability",
        ["upwardJumpRate"] = "jumps[].upRate",
        ["downwardJumpRate"] = "jumps[].downRate",
        ["periodLength"] = "jumpPeriod",
    };

    /// <inheritdoc/>
    public Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var backtest = new Command(
            "backtest",
            "Reads {\"var\":[...],\"pnl\":[...],\"confidence\":0.99} on stdin (VaR forecasts as positive losses and realised P&L per period, "
            + "account currency) and prints the exception count, Kupiec and Christoffersen statistics with p-values and the Basel zone");
        backtest.SetAction(_ => Run(true, stdin, stdout));
        var command = new Command(
            "risk",
            "Reads {\"inventory\":[...] (units),\"prices\":[...] (account currency per unit),\"returns\":[[...],...] (simple returns per period),"
            + "\"confidence\":0.99,\"horizon\":1 (periods),\"method\":\"" + Methods.Replace(", ", "|", StringComparison.Ordinal) + "\"} on stdin and prints "
            + "VaR/ES (positive losses, account currency), Euler components, marginal VaR and stress P&L as JSON")
        {
            backtest,
        };
        command.SetAction(_ => Run(false, stdin, stdout));
        return command;
    }

    private static int Run(bool isBacktest, TextReader stdin, TextWriter stdout)
    {
        try
        {
            var input = JsonFields.Parse(stdin);
            if (isBacktest)
            {
                Backtest(input, stdout);
            }
            else
            {
                ValueAtRisk(input, stdout);
            }

            return 0;
        }
        catch (MarketMakingException e) when (e.ParameterName is not null)
        {
            throw CommandLineException.ForField(e, FieldOfParameter);
        }
    }

    private static void ValueAtRisk(JsonFields input, TextWriter stdout)
    {
        var inventory = input.Vector("inventory");
        var prices = input.VectorOrScalar("prices", inventory.Length);
        var n = inventory.Length;
        var exposures = new double[n];
        for (var i = 0; i < n; i++)
        {
            exposures[i] = prices[i] > 0 ? inventory[i] * prices[i] : throw new CommandLineException($"field 'prices[{i}]' must be > 0, got {prices[i]}");
        }

        var history = new ReturnHistory(input.Jagged("returns"));
        if (history.Assets != n)
        {
            throw new CommandLineException($"field 'returns' must hold {n} returns per period (one per inventory entry), got {history.Assets}");
        }

        var horizon = input.Has("horizon") ? input.Integer("horizon") : 1;
        var parameters = new ValueAtRiskParameters(input.Number("confidence"), horizon);
        var method = input.Has("method") ? input.String("method") : "historical";
        var decay = input.Number("decay", 1);
        var marginal = new double[n];
        var components = new double[n];
        var es = method == "cornish-fisher" ? null : new double[n];
        var estimate = method switch
        {
            "historical" => new HistoricalValueAtRisk(decay).Compute(exposures, history, parameters, marginal, components, es),
            "parametric" => NormalValueAtRisk.Compute(exposures, history.Covariance(decay), parameters, marginal, components, es),
            "cornish-fisher" => new CornishFisherValueAtRisk(decay).Compute(exposures, history, parameters, marginal, components),
            "filtered-historical" => new FilteredHistoricalValueAtRisk(input.Number("halfLife", 11.2))
                .Compute(exposures, history, parameters, marginal, components, es),
            "monte-carlo" => new MonteCarloValueAtRisk(input.Has("simulations") ? input.Integer("simulations") : 100_000, input.Has("seed") ? input.Integer("seed") : 1, Jumps(input, prices))
                .Compute(exposures, history.Covariance(decay), parameters, marginal, components, es),
            _ => throw new CommandLineException($"field 'method' must be one of {Methods}; got '{method}'"),
        };

        var stress = input.Objects("scenarios").Select(s => (Name: s.String("name"), Pnl: ShockPnl(s.VectorOrScalar("returns", n), exposures))).ToArray();
        JsonFields.WriteObject(stdout, w =>
        {
            JsonFields.WriteNumber(w, "var", estimate.ValueAtRisk);
            JsonFields.WriteNumber(w, "es", estimate.ExpectedShortfall);
            JsonFields.WriteNumbers(w, "components", components);
            JsonFields.WriteNumbers(w, "marginal", marginal);
            if (es is not null)
            {
                JsonFields.WriteNumbers(w, "esComponents", es);
            }

            w.WriteStartArray("stress");
            foreach (var (name, pnl) in stress)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                JsonFields.WriteNumber(w, "pnl", pnl);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>The Monte Carlo jumps of the <c>jumps</c> field (one object per asset), or null without it.</summary>
    private static MonteCarloJumps? Jumps(JsonFields input, double[] prices)
    {
        if (!input.Has("jumps"))
        {
            return null;
        }

        var entries = input.Objects("jumps");
        if (entries.Length != prices.Length)
        {
            throw new CommandLineException($"field 'jumps' must hold one entry per asset ({prices.Length}), got {entries.Length}");
        }

        var jumps = entries.Select(j => (MidPriceJumpParameters?)new MidPriceJumpParameters(
            j.Number("intensity"), j.Number("upProbability"), j.Number("upRate"), j.Number("downRate"), 0, 0, 0)).ToArray();
        return new MonteCarloJumps(jumps, prices, input.Number("jumpPeriod", 1));
    }

    /// <summary>Σᵢ eᵢ·rᵢ: the P&amp;L of the exposures under one return shock.</summary>
    private static double ShockPnl(ReadOnlySpan<double> returns, ReadOnlySpan<double> exposures)
    {
        var pnl = 0.0;
        for (var i = 0; i < exposures.Length; i++)
        {
            pnl += exposures[i] * returns[i];
        }

        return pnl;
    }

    private static void Backtest(JsonFields input, TextWriter stdout)
    {
        var forecasts = input.Vector("var");
        var pnl = input.Vector("pnl");
        if (forecasts.Length == 0 || pnl.Length != forecasts.Length)
        {
            throw new CommandLineException($"field 'pnl' must hold one P&L per forecast in 'var' ({forecasts.Length}, at least 1), got {pnl.Length}");
        }

        var r = ValueAtRiskBacktest.Run(forecasts, pnl, input.Number("confidence"));
        JsonFields.WriteObject(stdout, w =>
        {
            w.WriteNumber("observations", r.Observations);
            w.WriteNumber("exceptions", r.Exceptions);
            JsonFields.WriteNumber(w, "expectedExceptions", r.ExpectedExceptions);
            JsonFields.WriteNumber(w, "kupiecLR", r.KupiecStatistic);
            JsonFields.WriteNumber(w, "kupiecPValue", r.KupiecPValue);
            JsonFields.WriteNumber(w, "independenceLR", r.IndependenceStatistic);
            JsonFields.WriteNumber(w, "independencePValue", r.IndependencePValue);
            JsonFields.WriteNumber(w, "conditionalCoverageLR", r.ConditionalCoverageStatistic);
            JsonFields.WriteNumber(w, "conditionalCoveragePValue", r.ConditionalCoveragePValue);
            w.WriteString("zone", r.Zone.ToString().ToLowerInvariant());
        });
    }
}
