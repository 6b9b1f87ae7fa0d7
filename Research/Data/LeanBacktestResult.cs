using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Research.Data;

/// <summary>
/// A LEAN backtest's results, read from its results folder: <c>&lt;Algorithm&gt;.json</c> (LEAN's <c>BacktestResult</c>,
/// camel-case: <c>charts</c> → chart name → <c>series</c> → series name → <c>values</c>, each <c>[unix seconds, y]</c>
/// or a candle <c>[unix seconds, open, high, low, close]</c>; <c>statistics</c>; <c>runtimeStatistics</c>;
/// <c>algorithmConfiguration.parameters</c>) and, if present, <c>&lt;Algorithm&gt;-order-events.json</c> (LEAN's
/// serialized order events: the fills).
/// </summary>
public sealed class LeanBacktestResult
{
    private LeanBacktestResult(string algorithm, IReadOnlyList<LeanChart> charts, IReadOnlyList<KeyValuePair<string, string>> statistics,
        IReadOnlyList<KeyValuePair<string, string>> runtimeStatistics, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<LeanFill> fills)
    {
        Algorithm = algorithm;
        Charts = charts;
        Statistics = statistics;
        RuntimeStatistics = runtimeStatistics;
        Parameters = parameters;
        Fills = fills;
    }

    /// <summary>The algorithm's name (the results files' prefix).</summary>
    public string Algorithm { get; }

    /// <summary>Every chart, in file order.</summary>
    public IReadOnlyList<LeanChart> Charts { get; }

    /// <summary>LEAN's statistics (name, text as LEAN formats it), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Statistics { get; }

    /// <summary>The runtime statistics (name, text), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RuntimeStatistics { get; }

    /// <summary>The algorithm's parameters (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The fills of the order events file, in file order (empty without the file).</summary>
    public IReadOnlyList<LeanFill> Fills { get; }

    /// <summary>The chart named <paramref name="name"/>, or null.</summary>
    public LeanChart? Chart(string name) => Charts.FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// Reads the results of <paramref name="folder"/>: the algorithm is the <c>X</c> of its <c>X.json</c> beside an
    /// <c>X-summary.json</c>.
    /// </summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> when the folder
    /// holds no LEAN result, or the result is not LEAN's JSON.</exception>
    public static LeanBacktestResult Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw Invalid($"no results folder '{folder}'");
        }

        var algorithms = Directory.EnumerateFiles(folder, "*-summary.json")
            .Select(p => Path.GetFileName(p)[..^"-summary.json".Length])
            .Where(a => File.Exists(Path.Combine(folder, a + ".json")))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (algorithms.Length != 1)
        {
            throw Invalid(algorithms.Length == 0
                ? $"'{folder}' holds no LEAN result (<Algorithm>.json beside <Algorithm>-summary.json)"
                : $"'{folder}' holds the results of several algorithms: {string.Join(", ", algorithms)}");
        }

        var algorithm = algorithms[0];
        try
        {
            using var result = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, algorithm + ".json")));
            var root = result.RootElement;
            var events = Path.Combine(folder, algorithm + "-order-events.json");
            return new LeanBacktestResult(
                algorithm,
                root.TryGetProperty("charts", out var charts) && charts.ValueKind == JsonValueKind.Object ? charts.EnumerateObject().Select(ReadChart).ToArray() : Array.Empty<LeanChart>(),
                Texts(root, "statistics"),
                Texts(root, "runtimeStatistics"),
                root.TryGetProperty("algorithmConfiguration", out var configuration) && configuration.ValueKind == JsonValueKind.Object
                    ? Texts(configuration, "parameters").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                    : new Dictionary<string, string>(),
                File.Exists(events) ? ReadFills(events) : Array.Empty<LeanFill>());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Invalid($"'{folder}': {algorithm}'s results are not LEAN's result JSON ({e.Message})");
        }
    }

    private static LeanChart ReadChart(JsonProperty chart)
    {
        var series = chart.Value.TryGetProperty("series", out var all) && all.ValueKind == JsonValueKind.Object
            ? all.EnumerateObject().Select(s => new LeanSeries(
                s.Name,
                s.Value.TryGetProperty("unit", out var unit) ? unit.GetString() ?? string.Empty : string.Empty,
                s.Value.GetProperty("values").EnumerateArray().Select(Point).Where(p => p is not null).Select(p => p!.Value).ToArray())).ToArray()
            : Array.Empty<LeanSeries>();
        return new LeanChart(chart.Name, series);
    }

    // [t, y] or a candle [t, open, high, low, close] (the close); a point whose value is null carries none
    private static LeanChartPoint? Point(JsonElement value)
    {
        var length = value.GetArrayLength();
        var y = value[length == 5 ? 4 : 1];
        return y.ValueKind == JsonValueKind.Number
            ? new LeanChartPoint(DateTime.UnixEpoch.AddSeconds(value[0].GetDouble()), y.GetDouble())
            : null;
    }

    private static IReadOnlyList<LeanFill> ReadFills(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateArray()
            .Where(e => e.TryGetProperty("fillQuantity", out var q) && q.GetDouble() != 0)
            .Select(e => new LeanFill(
                DateTime.UnixEpoch.AddSeconds(e.GetProperty("time").GetDouble()),
                e.GetProperty("symbolValue").GetString() ?? string.Empty,
                e.GetProperty("orderId").GetInt32(),
                e.GetProperty("fillPrice").GetDouble(),
                e.GetProperty("fillQuantity").GetDouble()))
            .ToArray();
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Texts(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
            ? section.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())).ToArray()
            : Array.Empty<KeyValuePair<string, string>>();

    private static MarketMakingException Invalid(string message) => new(MarketMakingErrorKind.InvalidMarketData, message);
}
