using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Alpha;

/// <summary>Drives a sampled-mid alpha with one quote a minute on <see cref="LeanTestKit.Btc"/>.</summary>
internal sealed class SampledMids
{
    private readonly QCAlgorithm _algorithm = new();

    public SampledMids(SampledMidAlphaModel alpha)
    {
        Alpha = alpha;
        alpha.OnSecuritiesChanged(_algorithm, Added(Security));
    }

    public SampledMidAlphaModel Alpha { get; }

    public Security Security { get; } = NewSecurity();

    /// <summary>Insights emitted, with the minute they were emitted at.</summary>
    public List<(int Minute, Insight Insight)> Emitted { get; } = new();

    public static DateTime At(int minute) => Start.AddMinutes(minute);

    /// <summary>Quotes bid/ask at <paramref name="minute"/> and updates the alpha; returns that step's insights.</summary>
    public Insight[] Book(int minute, decimal bid, decimal ask)
    {
        Security.Quote(bid, ask, At(minute));
        var insights = Alpha.Update(_algorithm, new Slice(At(minute), Array.Empty<BaseData>(), At(minute))).ToArray();
        Emitted.AddRange(insights.Select(i => (minute, i)));
        return insights;
    }

    /// <summary>Quotes mid ± 0.01 at <paramref name="minute"/>.</summary>
    public Insight[] Mid(int minute, decimal mid) => Book(minute, mid - 0.01m, mid + 0.01m);

    /// <summary>Mids alternating between <paramref name="low"/> (even minutes) and <paramref name="high"/> (odd) over [from, to).</summary>
    public void Alternate(int from, int to, decimal low, decimal high)
    {
        for (var minute = from; minute < to; minute++)
        {
            Mid(minute, minute % 2 == 0 ? low : high);
        }
    }
}
