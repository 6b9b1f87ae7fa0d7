using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Estimation;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Previous-tick sampling of one day's mids on a regular grid: the grid points are the multiples of the step (counted
/// from midnight UTC) from the first mid's time to the last mid's, and each takes the last mid at or before it
/// (Hansen &amp; Lunde 2006's previous-tick scheme). In-session pauses carry the last mid forward (zero returns).
/// </summary>
internal static class RegularSampler
{
    /// <summary>Samples <paramref name="mids"/> (time in seconds since midnight UTC of the first day, in order) every <paramref name="stepSeconds"/>.</summary>
    public static List<PriceObservation> Sample(IReadOnlyList<PriceObservation> mids, double stepSeconds)
    {
        var samples = new List<PriceObservation>();
        if (mids.Count == 0)
        {
            return samples;
        }

        var first = (long)Math.Ceiling(mids[0].TimeSeconds / stepSeconds);
        var last = (long)Math.Floor(mids[^1].TimeSeconds / stepSeconds);
        var i = 0;
        for (var k = first; k <= last; k++)
        {
            var grid = k * stepSeconds;
            while (i + 1 < mids.Count && mids[i + 1].TimeSeconds <= grid)
            {
                i++;
            }

            samples.Add(new PriceObservation(grid, mids[i].Price));
        }

        return samples;
    }
}
