using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Stochastic;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// Generates stretches (segments) of the synthetic market of <see cref="SyntheticMarketDynamics"/>, reproducibly from
/// the caller's random source; the one engine-free generator behind the Research console's <c>generate-data</c> (one
/// segment a day on a one-second grid) and the live-paper data queue handler (short segments on a finer grid, streamed
/// in real time):
/// <list type="bullet">
/// <item>mid: GBM with compensated compound-Poisson normal jumps (<see cref="JumpDiffusionSolver"/>, Euler on the
/// segment's grid), continued from the previous segment's end;</item>
/// <item>book: best bid and ask <see cref="SyntheticMarketDynamics.HalfSpreadTicks"/> ticks either side of the mid
/// rounded to the tick, sizes exponential; an update each grid step the touch changes (or every step);</item>
/// <item>order flow: buy and sell market orders from a bivariate exponential-kernel Hawkes process
/// (<see cref="HawkesSimulator"/>, started empty in each segment), each walking δ ~ Exp(k) beyond the touch (the trade
/// prints at the touch plus ⌊δ / tick⌋ ticks), so that the rate of trades reaching depth δ from the touch decays as
/// e^(−kδ), the intensity shape of Avellaneda &amp; Stoikov (2008) eq. (12); sizes exponential, at least one unit.</item>
/// </list>
/// </summary>
public sealed class SyntheticMarketGenerator
{
    private const double SecondsPerDay = 86_400;

    /// <summary>Creates the generator.</summary>
    /// <param name="dynamics">The market's dynamics.</param>
    public SyntheticMarketGenerator(SyntheticMarketDynamics dynamics)
    {
        Dynamics = dynamics ?? throw Guard.Invalid(nameof(dynamics), "must not be null");
    }

    /// <summary>The market's dynamics.</summary>
    public SyntheticMarketDynamics Dynamics { get; }

    /// <summary>
    /// Generates <paramref name="steps"/> grid steps of <paramref name="stepSeconds"/> from the mid
    /// <paramref name="startMid"/>, drawing from <paramref name="random"/> (the same state gives the same segment).
    /// </summary>
    /// <param name="startMid">Mid at the segment's start (&gt; 0).</param>
    /// <param name="steps">Number of grid steps (≥ 1).</param>
    /// <param name="stepSeconds">Grid step, seconds (&gt; 0): the book is sampled once a step.</param>
    /// <param name="random">Random source.</param>
    /// <param name="quoteEveryStep">True: a book update every step (sizes redrawn); false: only when the touch changes.</param>
    /// <returns>The segment: book updates and trades with times in seconds from its start, and its end mid.</returns>
    public SyntheticMarketSegment Generate(double startMid, int steps, double stepSeconds, Random random, bool quoteEveryStep = false)
    {
        Guard.Positive(startMid, nameof(startMid));
        Guard.Positive(steps, nameof(steps));
        Guard.Positive(stepSeconds, nameof(stepSeconds));
        ArgumentNullException.ThrowIfNull(random);
        var s = Dynamics;
        var path = new double[steps + 1];
        var jumps = new CompoundPoissonJumps(s.JumpsPerDay / SecondsPerDay, new NormalJumpSizes(0, s.JumpSize));
        JumpDiffusionSolver.Simulate(new GeometricBrownianMotion(0, s.Volatility), jumps, SdeScheme.EulerMaruyama,
            startMid, 0, stepSeconds, random, path);
        var floor = 10 * (double)s.TickSize;
        for (var i = 0; i < path.Length; i++)
        {
            // a jump can in principle push the mid through zero; keep the book priced
            path[i] = Math.Max(path[i], floor);
        }

        var tick = s.TickSize;
        var bidTicks = new long[steps];
        var quotes = new List<SyntheticBookUpdate>();
        long lastBid = -1, lastAsk = -1;
        for (var step = 0; step < steps; step++)
        {
            var center = (long)Math.Round(path[step] / (double)tick);
            long bid = Math.Max(center - s.HalfSpreadTicks, 1), ask = center + s.HalfSpreadTicks;
            bidTicks[step] = bid;
            if (quoteEveryStep || bid != lastBid || ask != lastAsk)
            {
                quotes.Add(new SyntheticBookUpdate(step * stepSeconds, bid * tick, Size(random, s.MeanQuoteSize), ask * tick, Size(random, s.MeanQuoteSize)));
                lastBid = bid;
                lastAsk = ask;
            }
        }

        var horizon = steps * stepSeconds;
        var flow = HawkesSimulator.Simulate(
            new HawkesParameters(
                new[] { s.BaseTradeRate, s.BaseTradeRate },
                new[,] { { s.SelfExcitation, s.CrossExcitation }, { s.CrossExcitation, s.SelfExcitation } },
                s.ExcitationDecay),
            horizon,
            random.Next());
        var buys = flow.Times(0);
        var sells = flow.Times(1);
        var trades = new List<SyntheticMarketOrder>(buys.Length + sells.Length);
        int b = 0, a = 0;
        while (b < buys.Length || a < sells.Length)
        {
            var isBuy = a >= sells.Length || (b < buys.Length && buys[b] <= sells[a]);
            var time = isBuy ? buys[b++] : sells[a++];
            var step = Math.Min((int)(time / stepSeconds), steps - 1);
            var walk = (long)Math.Floor(Exponential.Sample(random, s.DepthDecay) / (double)tick);
            var touchBid = bidTicks[step];
            var price = isBuy ? touchBid + (2 * s.HalfSpreadTicks) + walk : Math.Max(touchBid - walk, 1);
            trades.Add(new SyntheticMarketOrder(time, price * tick, Size(random, s.MeanTradeSize), isBuy));
        }

        return new SyntheticMarketSegment(quotes, trades, path[steps], horizon);
    }

    private static decimal Size(Random random, double mean) =>
        (decimal)Math.Max(1, Math.Round(Exponential.Sample(random, 1 / mean)));
}
