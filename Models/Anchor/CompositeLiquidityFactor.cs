using System;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The Composite Liquidity Factor of arXiv:2507.05749: an instantaneous slippage score of a book's shape that
/// contrasts the price gap across levels with the cumulative depth through that level; lower is better. Published
/// form (bid side; the ask side mirrors it): CLFᵇᵢ = ln(p₁ᵇ/pᵇᵢ₊₁) / ln(Σ_{j≤i} qⱼᵇ), i = 1 … L−1.
/// </summary>
/// <remarks>
/// Derived here, not recovered from the paper: (1) the score of a book is the mean of CLFᵢ over its levels and both
/// sides; (2) a cumulative depth ≤ 1 (ln ≤ 0, the ratio undefined or negative) scores +∞, the worst, so a book without
/// depth is never preferred; (3) with one level (LEAN's top-of-book data has no p₂) the gap to the next price is unknown
/// and the one-level form takes the spread as the gap a marketable order crosses: CLF = ½·Σ_sides ln(a₁/b₁)/ln(q₁).
/// </remarks>
public static class CompositeLiquidityFactor
{
    /// <summary>The one-level form from the best prices and sizes (derived; see remarks).</summary>
    /// <param name="book">A valid top of book.</param>
    /// <returns>The score, ≥ 0, +∞ when a side's size is ≤ 1, NaN for an invalid book.</returns>
    public static double OneLevel(in TopOfBook book)
    {
        if (!book.IsValid)
        {
            return double.NaN;
        }

        var gap = Math.Log(book.AskPrice / book.BidPrice);
        return 0.5 * (Ratio(gap, book.BidSize) + Ratio(gap, book.AskSize));
    }

    /// <summary>
    /// The published multi-level form averaged over levels 1 … L−1 and both sides. Prices best first (bids
    /// decreasing, asks increasing), sizes per level. With one level on either side, falls back to <see cref="OneLevel"/>.
    /// </summary>
    /// <param name="bidPrices">Bid prices, best first.</param>
    /// <param name="bidSizes">Bid sizes, one per bid price.</param>
    /// <param name="askPrices">Ask prices, best first.</param>
    /// <param name="askSizes">Ask sizes, one per ask price.</param>
    /// <returns>The score, +∞ when a cumulative depth is ≤ 1, NaN for an empty, crossed or misordered book.</returns>
    public static double MultiLevel(ReadOnlySpan<double> bidPrices, ReadOnlySpan<double> bidSizes, ReadOnlySpan<double> askPrices, ReadOnlySpan<double> askSizes)
    {
        if (bidPrices.Length == 0 || askPrices.Length == 0 || bidSizes.Length != bidPrices.Length || askSizes.Length != askPrices.Length)
        {
            return double.NaN;
        }

        if (bidPrices.Length == 1 || askPrices.Length == 1)
        {
            return OneLevel(new TopOfBook(bidPrices[0], bidSizes[0], askPrices[0], askSizes[0]));
        }

        if (!new TopOfBook(bidPrices[0], bidSizes[0], askPrices[0], askSizes[0]).IsValid)
        {
            return double.NaN;
        }

        var sum = 0.0;
        var terms = 0;
        var depth = 0.0;
        for (var i = 0; i < bidPrices.Length - 1; i++)
        {
            if (!(bidPrices[i + 1] > 0 && bidPrices[i + 1] < bidPrices[i]))
            {
                return double.NaN;
            }

            depth += bidSizes[i];
            sum += Ratio(Math.Log(bidPrices[0] / bidPrices[i + 1]), depth);
            terms++;
        }

        depth = 0.0;
        for (var i = 0; i < askPrices.Length - 1; i++)
        {
            if (!(askPrices[i + 1] > askPrices[i]))
            {
                return double.NaN;
            }

            depth += askSizes[i];
            sum += Ratio(Math.Log(askPrices[i + 1] / askPrices[0]), depth);
            terms++;
        }

        return sum / terms;
    }

    private static double Ratio(double gap, double depth) => depth > 1 ? gap / Math.Log(depth) : double.PositiveInfinity;
}
