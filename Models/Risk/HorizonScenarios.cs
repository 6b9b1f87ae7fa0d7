using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// h-period scenarios from a history of period returns: the T − h + 1 overlapping windows of h consecutive periods, each
/// the per-asset sum of its period returns (the P&amp;L of exposures held constant in currency over the window is
/// Σᵢ eᵢ·Σₛ rₛᵢ). h = 1 is the history itself. Used by the historical and filtered historical methods.
/// </summary>
internal static class HorizonScenarios
{
    /// <summary>The window scenarios, row-major, oldest first (in <paramref name="buffer"/>, grown if needed).</summary>
    /// <param name="returns">T × n row-major period returns.</param>
    /// <param name="assets">n.</param>
    /// <param name="horizon">h ≥ 1.</param>
    /// <param name="buffer">Reusable storage for h &gt; 1.</param>
    /// <exception cref="MarketMakingException">InvalidParameters when the history is shorter than h.</exception>
    public static ReadOnlySpan<double> Windows(ReadOnlySpan<double> returns, int assets, int horizon, ref double[] buffer)
    {
        if (horizon == 1)
        {
            return returns;
        }

        var periods = returns.Length / assets;
        var count = periods - horizon + 1;
        if (count < 1)
        {
            throw Guard.Invalid("returns", $"must hold at least horizon = {horizon} periods, got {periods}");
        }

        if (buffer.Length < count * assets)
        {
            buffer = new double[count * assets];
        }

        var windows = buffer.AsSpan(0, count * assets);
        var sum = windows[..assets];
        sum.Clear();
        for (var t = 0; t < horizon; t++)
        {
            Add(sum, returns.Slice(t * assets, assets), 1);
        }

        for (var j = 1; j < count; j++)
        {
            // running window sum: previous window + newest period − period leaving the window
            var row = windows.Slice(j * assets, assets);
            windows.Slice((j - 1) * assets, assets).CopyTo(row);
            Add(row, returns.Slice((j + horizon - 1) * assets, assets), 1);
            Add(row, returns.Slice((j - 1) * assets, assets), -1);
        }

        return windows;
    }

    private static void Add(Span<double> target, ReadOnlySpan<double> values, double sign)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += sign * values[i];
        }
    }
}
