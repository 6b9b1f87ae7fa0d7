using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Models.Simulation;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>anchor --contract a.csv --contract b.csv [options]</c>: runs the anchor selection of arXiv:2507.05749
/// (<see cref="AnchorSelector"/>) over per-contract top-of-book event files and prints one JSON object: each rule's
/// agreement with the hindsight oracle (raw picks and voted anchors, with chance agreement and κ) and the decision
/// series. <c>anchor --simulate [--seconds N] [--seed S]</c> runs it on the two-contract simulation with known truth
/// (<see cref="TwoLegBookSimulator"/>) instead; <c>anchor --data folder --security-type T --market M --symbols A,B
/// --start yyyyMMdd --end yyyyMMdd</c> on LEAN tick data of several symbols (quote ticks build each book, one-sided ones
/// included; trades are signed by the quote rule against the book before them, a trade before a quote of the same
/// time; times in seconds since the first tick). File format, one update per line, times in seconds, any origin:
/// <c>seconds,Q,bid,bidSize,ask,askSize</c> for a new best bid/ask, <c>seconds,T,B</c> or <c>seconds,T,S</c> for a
/// buyer- or seller-initiated trade; blank lines, lines starting with <c>#</c> and a first line starting with
/// <c>seconds</c> are skipped. Options: <c>--window-ms</c> (10), <c>--trailing-ms</c> (1000), <c>--refit-ms</c> (100),
/// <c>--vote-windows</c> (100), <c>--hysteresis</c> (0.1), <c>--decisions true|false</c> (default true for files,
/// false for <c>--simulate</c>).
/// </summary>
internal sealed class AnchorCommand : IResearchCommand
{
    private const string Usage = "usage: anchor (--contract <file.csv> --contract <file.csv> ... | --simulate [--seconds N] [--seed S] "
        + "| --data <folder> --security-type <equity|forex|crypto> --market <m> --symbols <A,B,...> --start yyyyMMdd --end yyyyMMdd) "
        + "[--window-ms W] [--trailing-ms T] [--refit-ms R] [--vote-windows V] [--hysteresis H] [--decisions true|false]";

    /// <inheritdoc />
    public Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var contracts = new Option<List<string>>("--contract")
        {
            Description = "Event file of one contract (repeat, at least two): lines 'seconds,Q,bid,bidSize,ask,askSize' or 'seconds,T,B|S'",
            DefaultValueFactory = _ => new List<string>(),
        };
        var simulate = new Option<bool>("--simulate") { Description = "Run on the simulated two-contract book (known truth) instead of files" };
        var seconds = NumberOptions.Number("--seconds", "Simulated duration, seconds (--simulate)", 60);
        var seed = NumberOptions.Integer("--seed", "Seed of the simulation (--simulate)", 1);
        var windowMs = NumberOptions.Number("--window-ms", "Decision window, milliseconds", 10);
        var trailingMs = NumberOptions.Number("--trailing-ms", "Trailing history each fit uses, milliseconds", 1000);
        var refitMs = NumberOptions.Number("--refit-ms", "Time between Hawkes refits, milliseconds", 100);
        var voteWindows = NumberOptions.Integer("--vote-windows", "Number of windows in the anchor's majority vote", 100);
        var hysteresis = NumberOptions.Number("--hysteresis", "Vote share margin needed to switch anchor, in [0, 1)", 0.1);
        var data = new Option<string?>("--data") { Description = "LEAN data folder: read the --symbols' tick data instead of files" };
        var securityType = new Option<string?>("--security-type") { Description = "With --data: equity, forex or crypto" };
        var market = new Option<string?>("--market") { Description = "With --data: the LEAN market, e.g. coinbase" };
        var symbols = new Option<string?>("--symbols") { Description = "With --data: the contracts' tickers, comma-separated (at least two)" };
        var startDate = new Option<string?>("--start") { Description = "With --data: first day, yyyyMMdd" };
        var endDate = new Option<string?>("--end") { Description = "With --data: last day, yyyyMMdd" };
        var decisions = new Option<bool?>("--decisions") { Description = "Print the decision series (default: true for files, false for --simulate)" };
        var command = new Command(
            "anchor",
            "Anchor (reference-contract) selection of arXiv:2507.05749, Hawkes vs CLF vs the hindsight oracle, on per-contract "
            + "top-of-book event files or on --simulate; prints one JSON object")
        {
            contracts,
            simulate,
            seconds,
            seed,
            windowMs,
            trailingMs,
            refitMs,
            voteWindows,
            hysteresis,
            decisions,
            data,
            securityType,
            market,
            symbols,
            startDate,
            endDate,
        };
        command.SetAction(r => Run(
            r.GetValue(data) is { } folder
                ? new LeanInput(folder, r.GetValue(securityType), r.GetValue(market), r.GetValue(symbols), r.GetValue(startDate), r.GetValue(endDate))
                : null,
            r.GetValue(contracts)!,
            r.GetValue(simulate),
            r.GetValue(seconds),
            r.GetValue(seed),
            new AnchorSettings(r.GetValue(windowMs) / 1000, r.GetValue(trailingMs) / 1000, r.GetValue(refitMs) / 1000, voteWindows: r.GetValue(voteWindows), voteHysteresis: r.GetValue(hysteresis)),
            r.GetValue(decisions),
            stdout));
        return command;
    }

    private static int Run(LeanInput? lean, List<string> files, bool simulate, double seconds, int seed, AnchorSettings settings, bool? decisions, TextWriter stdout)
    {
        if (lean is not null)
        {
            if (simulate || files.Count > 0)
            {
                throw new CommandLineException($"--data takes neither --simulate nor --contract files; {Usage}");
            }

            var tickers = lean.Tickers();
            return Write(ReadLean(lean, tickers), tickers.Length, tickers, settings, decisions ?? true, stdout);
        }

        if (simulate == files.Count > 0 || (!simulate && files.Count < 2))
        {
            throw new CommandLineException(simulate ? $"--simulate takes no --contract files; {Usage}" : $"give at least two --contract files or --simulate; {Usage}");
        }

        var updates = simulate
            ? TwoLegBookSimulator.Simulate(TwoLegSimulationSettings.Default(), seconds, seed)
            : Merge(files.Select(ReadContract).ToList());
        return Write(updates, simulate ? 2 : files.Count, simulate ? new[] { "simulated steady deep", "simulated bursty thin" } : files.ToArray(),
            settings, decisions ?? !simulate, stdout);
    }

    private static int Write(List<ContractUpdate> updates, int contracts, string[] names, AnchorSettings settings, bool decisions, TextWriter stdout)
    {
        var selector = new AnchorSelector(contracts, settings);
        var series = decisions ? new List<(AnchorDecision Decision, int Oracle)>() : null;
        var result = AnchorEvaluation.Run(updates, selector, series);
        JsonFields.WriteObject(stdout, w =>
        {
            w.WritePropertyName("contracts");
            w.WriteStartArray();
            foreach (var name in names)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteNumber("windows", result.Windows);
            w.WriteNumber("decisiveWindows", result.DecisiveWindows);
            Rule(w, "hawkes", result.HawkesPicks, result.HawkesAnchors);
            Rule(w, "clf", result.ClfPicks, result.ClfAnchors);
            w.WritePropertyName("refits");
            w.WriteStartArray();
            for (var k = 0; k < contracts; k++)
            {
                w.WriteStartObject();
                w.WriteNumber("attempted", selector.Leg(k).Refits);
                w.WriteNumber("failed", selector.Leg(k).FailedRefits);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("paper", "NIFTY futures, one day: Hawkes 0.6856, best CLF 0.6358 (agreement of voted anchors with the oracle)");
            if (series is not null)
            {
                w.WritePropertyName("decisions");
                w.WriteStartArray();
                foreach (var (d, oracle) in series)
                {
                    w.WriteStartObject();
                    w.WriteNumber("t", d.WindowStartSeconds);
                    w.WriteNumber("hawkesPick", d.HawkesPick);
                    w.WriteNumber("clfPick", d.ClfPick);
                    w.WriteNumber("hawkesAnchor", d.HawkesAnchor);
                    w.WriteNumber("clfAnchor", d.ClfAnchor);
                    w.WriteNumber("oracle", oracle);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }
        });
        return 0;
    }

    private static void Rule(Utf8JsonWriter w, string name, AgreementScore picks, AgreementScore anchors)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        Score(w, "picks", picks);
        Score(w, "anchors", anchors);
        w.WriteEndObject();
    }

    private static void Score(Utf8JsonWriter w, string name, AgreementScore score)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteNumber("windows", score.Windows);
        if (score.Windows > 0)
        {
            JsonFields.WriteNumber(w, "agreement", score.Agreement);
            JsonFields.WriteNumber(w, "chance", score.ChanceAgreement);
            JsonFields.WriteNumber(w, "kappa", double.IsFinite(score.Kappa) ? score.Kappa : null);
        }
        else
        {
            JsonFields.WriteUnavailable(w, "agreement", "no window where both the rule and the oracle picked a contract");
        }

        w.WriteEndObject();
    }

    /// <summary>The <c>--data</c> options.</summary>
    private sealed record LeanInput(string Folder, string? SecurityType, string? Market, string? Symbols, string? Start, string? End)
    {
        public string[] Tickers()
        {
            var tickers = (Symbols ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return tickers.Length >= 2 && tickers.Distinct(StringComparer.OrdinalIgnoreCase).Count() == tickers.Length
                ? tickers
                : throw new CommandLineException($"--symbols must name at least two distinct tickers, got '{Symbols}'");
        }

        public LeanSecurityType Type() => Enum.TryParse<LeanSecurityType>(SecurityType, ignoreCase: true, out var type)
            ? type
            : throw new CommandLineException($"--security-type must be equity, forex or crypto, got '{SecurityType}'");

        public static DateOnly Day(string? text, string option) =>
            DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new CommandLineException($"{option} must be yyyyMMdd, got '{text}'");
    }

    /// <summary>
    /// The contracts' LEAN ticks as updates: merged by time (a trade before a quote of the same time, then contract
    /// order), each quote tick updating its side(s) of the book, each trade signed by the quote rule against it.
    /// </summary>
    private static List<ContractUpdate> ReadLean(LeanInput input, string[] tickers)
    {
        if (string.IsNullOrWhiteSpace(input.Market))
        {
            throw new CommandLineException("--market is required with --data");
        }

        var (start, end) = (LeanInput.Day(input.Start, "--start"), LeanInput.Day(input.End, "--end"));
        var type = input.Type();
        var reader = new LeanDataReader(input.Folder);
        var ticks = new List<(DateTime Time, int Kind, int Contract, long Order, LeanTick Tick)>();
        long order = 0;
        for (var k = 0; k < tickers.Length; k++)
        {
            var symbol = new LeanSymbol(type, input.Market, tickers[k]);
            ticks.AddRange(reader.ReadTicks(symbol, LeanDataType.Trade, start, end).Select(t => (t.TimeUtc, 0, k, order++, t)));
            ticks.AddRange(reader.ReadTicks(symbol, LeanDataType.Quote, start, end).Select(t => (t.TimeUtc, 1, k, order++, t)));
        }

        if (ticks.Count == 0)
        {
            throw new CommandLineException($"no tick data for {string.Join(", ", tickers)} from {input.Start} to {input.End} in '{input.Folder}'");
        }

        ticks.Sort((a, b) => (a.Time, a.Kind, a.Contract, a.Order).CompareTo((b.Time, b.Kind, b.Contract, b.Order)));
        var origin = ticks[0].Time;
        var books = new TopOfBook[tickers.Length];
        var signers = new LeeReadyTradeSigner[tickers.Length];
        var updates = new List<ContractUpdate>(ticks.Count);
        foreach (var (time, _, k, _, tick) in ticks)
        {
            var seconds = (time - origin).TotalSeconds;
            if (tick.Type == LeanDataType.Quote)
            {
                var book = books[k];
                book = tick.HasBid ? book with { BidPrice = tick.BidPrice, BidSize = tick.BidSize } : book;
                book = tick.HasAsk ? book with { AskPrice = tick.AskPrice, AskSize = tick.AskSize } : book;
                books[k] = book;
                if (book.IsValid)
                {
                    updates.Add(ContractUpdate.Quote(seconds, k, book));
                }
            }
            else if (books[k].IsValid && tick.Price > 0 && signers[k].Sign(tick.Price, books[k].Mid) is var side && side != TradeAggressor.Unknown)
            {
                updates.Add(ContractUpdate.Trade(seconds, k, side == TradeAggressor.Buy));
            }
        }

        return updates;
    }

    /// <summary>Merges the contracts' updates by time (stable: within a time, contract order, then file order).</summary>
    private static List<ContractUpdate> Merge(List<List<(double Time, ContractUpdate Update)>> contracts)
    {
        var all = new List<ContractUpdate>();
        for (var k = 0; k < contracts.Count; k++)
        {
            all.AddRange(contracts[k].Select(u => u.Update with { Contract = k }));
        }

        return all.Select((u, i) => (u, i)).OrderBy(x => x.u.TimeSeconds).ThenBy(x => x.i).Select(x => x.u).ToList();
    }

    private static List<(double Time, ContractUpdate Update)> ReadContract(string path)
    {
        if (!File.Exists(path))
        {
            throw new CommandLineException($"contract file '{path}' does not exist");
        }

        var updates = new List<(double, ContractUpdate)>();
        var lineNumber = 0;
        var last = double.NegativeInfinity;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || (lineNumber == 1 && line.StartsWith("seconds", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = line.Split(',');
            string Where() => $"{path}:{lineNumber}";
            double Field(int i, string what) =>
                i < fields.Length && double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
                    ? x
                    : throw new CommandLineException($"{Where()}: {what} must be a finite number, got '{(i < fields.Length ? fields[i] : "")}'");
            var t = Field(0, "seconds");
            if (t < last)
            {
                throw new CommandLineException($"{Where()}: time {t} is before the previous line's {last}");
            }

            last = t;
            var kind = fields.Length > 1 ? fields[1].Trim() : "";
            ContractUpdate update;
            if (kind == "Q" && fields.Length == 6)
            {
                var book = new TopOfBook(Field(2, "bid"), Field(3, "bidSize"), Field(4, "ask"), Field(5, "askSize"));
                if (!book.IsValid)
                {
                    throw new CommandLineException($"{Where()}: the book must have 0 < bid < ask and sizes >= 0, got '{line}'");
                }

                update = ContractUpdate.Quote(t, 0, book);
            }
            else if (kind == "T" && fields.Length == 3 && fields[2].Trim() is "B" or "S")
            {
                update = ContractUpdate.Trade(t, 0, fields[2].Trim() == "B");
            }
            else
            {
                throw new CommandLineException($"{Where()}: expected 'seconds,Q,bid,bidSize,ask,askSize' or 'seconds,T,B|S', got '{line}'");
            }

            updates.Add((t, update));
        }

        return updates.Count > 0 ? updates : throw new CommandLineException($"contract file '{path}' has no updates");
    }
}
