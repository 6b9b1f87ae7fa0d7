using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Lean.MarketMaking.Research.Data;
using ScottPlot;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// Renders the charts of a <see cref="LeanBacktestResult"/> as PNG files with ScottPlot (headless: SkiaSharp's Linux
/// native assets): one picture per LEAN chart, every series of the chart as a line over UTC time (a series in another unit
/// than the first on the right axis); a "Quotes" chart gets
/// the fills of its security as markers (bought ▲ green, sold ▼ red, at the fill price), an "Inventory" chart the
/// inventory limit ±<c>&lt;prefix&gt;-max-inventory</c> of the algorithm's parameters as dashed lines.
/// </summary>
internal static class ReportCharts
{
    /// <summary>Picture width, pixels.</summary>
    public const int Width = 1100;

    /// <summary>Picture height, pixels.</summary>
    public const int Height = 420;

    /// <summary>
    /// Renders <paramref name="chart"/> into <paramref name="path"/>, over [<paramref name="from"/>, <paramref name="to"/>)
    /// if given (a zoom), with <paramref name="yLabel"/> on the value axis (none if empty: LEAN's default unit "$" says
    /// nothing); returns false (nothing written) when no series has a point there.
    /// </summary>
    public static bool Render(LeanBacktestResult result, LeanChart chart, string path, string yLabel, DateTime? from = null, DateTime? to = null)
    {
        bool Inside(DateTime time) => (from is null || time >= from) && (to is null || time < to);
        var series = chart.Series
            .Select(s => (s.Name, s.Unit, Points: s.Points.Where(p => Inside(p.TimeUtc)).ToArray()))
            .Where(s => s.Points.Length > 0)
            .ToArray();
        if (series.Length == 0)
        {
            return false;
        }

        var plot = new Plot();
        plot.Title(from is null ? chart.Name : string.Create(CultureInfo.InvariantCulture, $"{chart.Name}, {from:yyyy-MM-dd HH:mm} to {to:HH:mm} UTC"));
        plot.Axes.DateTimeTicksBottom();
        plot.XLabel("time (UTC)");
        if (yLabel.Length > 0)
        {
            plot.YLabel(yLabel);
        }

        foreach (var (name, unit, points) in series)
        {
            var line = plot.Add.Scatter(points.Select(p => p.TimeUtc.ToOADate()).ToArray(), points.Select(p => p.Value).ToArray());
            line.LegendText = name;
            if (unit != series[0].Unit)
            {
                // a series in another unit (LEAN's daily "Return" in % beside the equity in $) on the right axis
                line.Axes.YAxis = plot.Axes.Right;
                plot.Axes.Right.Label.Text = unit;
                line.LegendText = $"{name} ({unit}, right axis)";
            }

            line.MarkerSize = points.Length == 1 || from is not null ? 4 : 0;
            line.LineWidth = 1.5f;
        }

        if (IsChart(chart, "Quotes", out var ticker))
        {
            AddFills(plot, result.Fills.Where(f => (ticker is null || f.Symbol == ticker) && Inside(f.TimeUtc)).ToArray());
        }
        else if (chart.Name == "Inventory" && InventoryLimit(result) is { } limit)
        {
            foreach (var level in new[] { limit, -limit })
            {
                var line = plot.Add.HorizontalLine(level);
                line.LinePattern = LinePattern.Dashed;
                line.Color = Colors.Gray;
                line.LegendText = level > 0 ? string.Create(CultureInfo.InvariantCulture, $"limit ±{limit:N0}") : string.Empty;
            }

            plot.Axes.AutoScale();
            var limits = plot.Axes.GetLimits();
            plot.Axes.SetLimitsY(Math.Min(limits.Bottom, -1.1 * limit), Math.Max(limits.Top, 1.1 * limit));
        }

        plot.ShowLegend(Alignment.UpperLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, Width, Height);
        return true;
    }

    /// <summary>
    /// The inventory limit of the run, units of the asset: the examples' runtime statistic "Inventory limit", else the
    /// algorithm's only <c>…-max-inventory</c> parameter; null without either (run.sh passes every example's parameters).
    /// </summary>
    public static double? InventoryLimit(LeanBacktestResult result)
    {
        var text = result.RuntimeStatistics.FirstOrDefault(s => s.Key == "Inventory limit").Value
            ?? (result.Parameters.Where(p => p.Key.EndsWith("-max-inventory", StringComparison.Ordinal)).ToArray() is { Length: 1 } only ? only[0].Value : null);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : null;
    }

    /// <summary>
    /// True when <paramref name="chart"/> is the examples' chart <paramref name="name"/>, of one security ("Quotes") or
    /// of a group's member ("Quotes SPY": <paramref name="ticker"/> = "SPY").
    /// </summary>
    public static bool IsChart(LeanChart chart, string name, out string? ticker)
    {
        ticker = null;
        if (chart.Name == name)
        {
            return true;
        }

        if (chart.Name.StartsWith(name + " ", StringComparison.Ordinal) && chart.Name.Length > name.Length + 1 && !chart.Name[(name.Length + 1)..].Contains(' '))
        {
            ticker = chart.Name[(name.Length + 1)..];
            return true;
        }

        return false;
    }

    private static void AddFills(Plot plot, IReadOnlyList<LeanFill> fills)
    {
        foreach (var (bought, shape, color, label) in new[]
                 {
                     (true, MarkerShape.FilledTriangleUp, Colors.Green, "fills bought"),
                     (false, MarkerShape.FilledTriangleDown, Colors.Red, "fills sold"),
                 })
        {
            var side = fills.Where(f => f.Quantity > 0 == bought).ToArray();
            if (side.Length == 0)
            {
                continue;
            }

            var markers = plot.Add.Markers(side.Select(f => f.TimeUtc.ToOADate()).ToArray(), side.Select(f => f.Price).ToArray(), shape, 6, color.WithAlpha(0.6));
            markers.LegendText = $"{label} ({side.Length})";
        }
    }
}
