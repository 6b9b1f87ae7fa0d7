using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Lean.MarketMaking.Research.Data;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>report &lt;LEAN results folder&gt; [--out &lt;folder&gt;]</c>: renders a LEAN backtest's results
/// (<see cref="LeanBacktestResult"/>) as one self-contained HTML page, <c>report.html</c> (the pictures embedded), plus
/// the pictures as PNG files (<see cref="ReportCharts"/>), into <c>--out</c> (default <c>&lt;results&gt;/report</c>):
/// the examples' charts first (mid with bid, ask and reservation quotes and the fills; inventory against its limit;
/// P&amp;L with maker and taker fees, LEAN's equity and drawdown; markouts; spread captured), then every other chart of
/// the run, then the runtime statistics and LEAN's statistics as tables. Prints a JSON summary (page, pictures).
/// </summary>
internal sealed class ReportCommand : IResearchCommand
{
    private const string Usage = "usage: report <LEAN results folder> [--out <folder>]";

    /// <summary>Number of the Quotes chart's sample intervals in its zoomed picture.</summary>
    private const int ZoomSamples = 36;

    /// <summary>The examples' charts, in the page's order, with the value axis label and the caption each gets.</summary>
    private static readonly (string Chart, string YLabel, string Caption)[] Sections =
    {
        ("Quotes", "price", "Mid, the model's bid, ask and reservation price, sampled at the example's plot interval, and every fill (▲ bought, ▼ sold) at its price."),
        ("Inventory", "units of the asset", "Position held; dashed: the inventory limit (working orders count in it, so a fill may pass it by one order)."),
        ("P&L", "account currency", "P&L of the quoted security (realised + unrealised) and the maker and taker fees paid."),
        ("Strategy Equity", "account currency", "LEAN's portfolio value (candle closes) and daily return (%)."),
        ("Drawdown", "%", "LEAN's equity drawdown."),
        ("Markouts (ticks)", "ticks", "Quantity-weighted markouts s·(mid(t+h) − fill price) so far, per horizon and side; negative = adverse."),
        ("Spread captured", "price units", "Average spread captured per unit filled so far."),
    };

    /// <inheritdoc />
    public Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var results = new Argument<string?>("results") { Description = "LEAN results folder (holding <Algorithm>.json and <Algorithm>-order-events.json)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out") { Description = "Folder for report.html and the PNG charts; default <results>/report" };
        var command = new Command(
            "report",
            "Renders a LEAN backtest's results folder as one self-contained HTML page (report.html) plus one PNG per chart; prints a JSON summary")
        {
            results,
            output,
        };
        command.SetAction(r => Run(r.GetValue(results), r.GetValue(output), stdout, stderr));
        return command;
    }

    private static int Run(string? results, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (results is null)
        {
            throw new CommandLineException(Usage);
        }

        var result = LeanBacktestResult.Read(results);
        output = Path.GetFullPath(output ?? Path.Combine(results, "report"));
        Directory.CreateDirectory(output);
        var pictures = new List<(LeanChart Chart, string File, string Caption)>();
        foreach (var chart in Ordered(result))
        {
            var section = Sections.FirstOrDefault(s => ReportCharts.IsChart(chart, s.Chart, out _));
            var yLabel = section.YLabel ?? (chart.Series.Select(s => s.Unit).Distinct().SingleOrDefault(u => u != "$") ?? string.Empty);
            var file = FileName(chart.Name, pictures.Count);
            if (ReportCharts.Render(result, chart, Path.Combine(output, file), yLabel))
            {
                pictures.Add((chart, file, section.Caption ?? string.Empty));
            }

            // the whole run's quotes are one band at this scale: the first few hours again, where quotes and fills separate
            if (section.Chart == "Quotes" && chart.Series.FirstOrDefault(s => s.Points.Count > ZoomSamples) is { } sampled)
            {
                var (from, to) = (sampled.Points[0].TimeUtc, sampled.Points[ZoomSamples].TimeUtc);
                file = FileName(chart.Name + " zoom", pictures.Count);
                if (ReportCharts.Render(result, chart, Path.Combine(output, file), yLabel, from, to))
                {
                    pictures.Add((chart, file, $"The first {ZoomSamples} samples of the chart above: quotes against the mid, and the fills between samples."));
                }
            }
        }

        var page = Path.Combine(output, "report.html");
        File.WriteAllText(page, Html(result, pictures, output), new UTF8Encoding(false));
        stderr.WriteLine($"report: {page} ({pictures.Count} charts)");
        JsonFields.WriteObject(stdout, w =>
        {
            w.WriteString("algorithm", result.Algorithm);
            w.WriteString("page", page);
            w.WriteStartArray("pictures");
            foreach (var picture in pictures)
            {
                w.WriteStringValue(Path.Combine(output, picture.File));
            }

            w.WriteEndArray();
        });
        return 0;
    }

    /// <summary>The charts in the page's order: the examples' sections (a group's per-ticker charts beside each other), then the rest in file order.</summary>
    internal static IReadOnlyList<LeanChart> Ordered(LeanBacktestResult result)
    {
        var sectioned = Sections.SelectMany(s => result.Charts.Where(c => ReportCharts.IsChart(c, s.Chart, out _))).ToList();
        return sectioned.Concat(result.Charts.Where(c => !sectioned.Contains(c))).ToArray();
    }

    private static string FileName(string chart, int index)
    {
        var slug = new string(chart.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return $"{index + 1:00}-{(slug.Length == 0 ? "chart" : slug)}.png";
    }

    private static string Html(LeanBacktestResult result, IReadOnlyList<(LeanChart Chart, string File, string Caption)> pictures, string folder)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(E(result.Algorithm)).Append(" — backtest report</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:1150px}img{max-width:100%;border:1px solid #ddd}")
            .Append("table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}")
            .Append("td.v{text-align:right;font-variant-numeric:tabular-nums}figcaption{color:#555;margin:4px 0 1.5em}</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(result.Algorithm)).Append("</h1>\n")
            .Append("<p>LEAN backtest results: charts from the algorithm's plots (UTC time), then its runtime statistics and LEAN's statistics.")
            .Append(result.Fills.Count > 0 ? $" {result.Fills.Count:N0} fill events." : " No order-events file: fills not shown.")
            .Append("</p>\n");
        foreach (var (chart, file, caption) in pictures)
        {
            var png = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(folder, file)));
            html.Append("<figure>\n<h2>").Append(E(chart.Name)).Append("</h2>\n")
                .Append("<img alt=\"").Append(E(chart.Name)).Append("\" src=\"data:image/png;base64,").Append(png).Append("\">\n")
                .Append("<figcaption>").Append(E(caption)).Append(" <a href=\"").Append(E(file)).Append("\">").Append(E(file)).Append("</a></figcaption>\n</figure>\n");
        }

        Table(html, "Runtime statistics", result.RuntimeStatistics);
        Table(html, "LEAN statistics", result.Statistics);
        return html.Append("</body>\n</html>\n").ToString();

        static void Table(StringBuilder html, string title, IReadOnlyList<KeyValuePair<string, string>> rows)
        {
            html.Append("<h2>").Append(E(title)).Append("</h2>\n<table>\n");
            foreach (var (name, value) in rows)
            {
                html.Append("<tr><th>").Append(E(name)).Append("</th><td class=\"v\">").Append(E(value)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }
    }
}
