using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Stochastic;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>
/// Generates tick days of the synthetic instrument of <see cref="SyntheticMarketSettings"/> from the Models
/// simulators, reproducibly from a seed:
/// <list type="bullet">
/// <item>mid: GBM with compensated compound-Poisson normal jumps (<see cref="JumpDiffusionSolver"/>, Euler on a
/// one-second grid), continued from one day to the next;</item>
/// <item>book: best bid and ask <see cref="SyntheticMarketSettings.HalfSpreadTicks"/> ticks either side of the mid
/// rounded to the tick, sizes exponential; a quote tick is written each second the touch changes;</item>
/// <item>order flow: buy and sell market orders from a bivariate exponential-kernel Hawkes process
/// (<see cref="HawkesSimulator"/>), each walking δ ~ Exp(k) beyond the touch (the trade prints at the touch plus
/// ⌊δ / tick⌋ ticks), so that the rate of trades reaching depth δ from the touch decays as e^(−kδ), the intensity
/// shape of Avellaneda &amp; Stoikov (2008) eq. (12); sizes exponential, at least one unit.</item>
/// </list>
/// </summary>
public sealed class SyntheticTickGenerator
{
    private const int SecondsPerDay = 86_400;
    private readonly SyntheticMarketSettings _settings;
    private readonly int _seed;

    /// <summary>Creates the generator.</summary>
    /// <param name="settings">The instrument and its dynamics.</param>
    /// <param name="seed">Seed: the same seed and settings give the same ticks.</param>
    public SyntheticTickGenerator(SyntheticMarketSettings settings, int seed)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _seed = seed;
    }

    /// <summary>Generates every day of the settings, in order.</summary>
    public IEnumerable<SyntheticDay> Days()
    {
        var mid = _settings.InitialMid;
        for (var day = 0; day < _settings.Days; day++)
        {
            var generated = Day(_settings.Start.AddDays(day), day, mid, out mid);
            yield return generated;
        }
    }

    private SyntheticDay Day(DateOnly date, int index, double startMid, out double endMid)
    {
        var s = _settings;
        var random = new Random(unchecked((_seed * 1_000_003) + index));
        var path = new double[SecondsPerDay + 1];
        var jumps = new CompoundPoissonJumps(s.JumpsPerDay / SecondsPerDay, new NormalJumpSizes(0, s.JumpSize));
        JumpDiffusionSolver.Simulate(new GeometricBrownianMotion(0, s.Volatility), jumps, SdeScheme.EulerMaruyama,
            startMid, 0, 1, random, path);
        var floor = 10 * (double)s.TickSize;
        for (var i = 0; i < path.Length; i++)
        {
            // a jump can in principle push the mid through zero; keep the book priced
            path[i] = Math.Max(path[i], floor);
        }

        endMid = path[SecondsPerDay];
        var tick = s.TickSize;
        var bidTicks = new long[SecondsPerDay];
        var quotes = new List<SyntheticQuote>();
        long lastBid = -1, lastAsk = -1;
        for (var second = 0; second < SecondsPerDay; second++)
        {
            var center = (long)Math.Round(path[second] / (double)tick);
            long bid = Math.Max(center - s.HalfSpreadTicks, 1), ask = center + s.HalfSpreadTicks;
            bidTicks[second] = bid;
            if (bid != lastBid || ask != lastAsk)
            {
                quotes.Add(new SyntheticQuote(second * 1000L, bid * tick, Size(random, s.MeanQuoteSize), ask * tick, Size(random, s.MeanQuoteSize)));
                lastBid = bid;
                lastAsk = ask;
            }
        }

        var flow = HawkesSimulator.Simulate(
            new HawkesParameters(
                new[] { s.BaseTradeRate, s.BaseTradeRate },
                new[,] { { s.SelfExcitation, s.CrossExcitation }, { s.CrossExcitation, s.SelfExcitation } },
                s.ExcitationDecay),
            SecondsPerDay,
            random.Next());
        var buys = flow.Times(0);
        var sells = flow.Times(1);
        var trades = new List<SyntheticTrade>(buys.Length + sells.Length);
        int b = 0, a = 0;
        while (b < buys.Length || a < sells.Length)
        {
            var isBuy = a >= sells.Length || (b < buys.Length && buys[b] <= sells[a]);
            var time = isBuy ? buys[b++] : sells[a++];
            var second = Math.Min((int)time, SecondsPerDay - 1);
            var walk = (long)Math.Floor(Exponential.Sample(random, s.DepthDecay) / (double)tick);
            var touchBid = bidTicks[second];
            var price = isBuy ? touchBid + (2 * s.HalfSpreadTicks) + walk : Math.Max(touchBid - walk, 1);
            var milliseconds = Math.Min((long)(time * 1000), (SecondsPerDay * 1000L) - 1);
            trades.Add(new SyntheticTrade(milliseconds, price * tick, Size(random, s.MeanTradeSize), isBuy));
        }

        return new SyntheticDay(date, quotes, trades);
    }

    private static decimal Size(Random random, double mean) =>
        (decimal)Math.Max(1, Math.Round(Exponential.Sample(random, 1 / mean)));
}
