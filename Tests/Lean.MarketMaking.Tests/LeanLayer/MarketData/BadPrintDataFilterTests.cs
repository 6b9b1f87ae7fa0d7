using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Errors;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Data;
using QuantConnect.Data.Market;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.MarketData;

[TestFixture]
public class BadPrintDataFilterTests
{
    private readonly Security _security = NewSecurity();
    private readonly List<string> _log = new();
    private BadPrintDataFilter _filter = null!;

    [SetUp]
    public void SetUp()
    {
        _log.Clear();
        _filter = new BadPrintDataFilter(new BadPrintFilterSettings(logInterval: TimeSpan.FromMinutes(1)), _log.Add);
    }

    private Tick Quote(double second, decimal bid, decimal ask, decimal bidSize = 1m, decimal askSize = 1m) =>
        new(Start.AddSeconds(second), Btc, bidSize, bid, askSize, ask);

    private Tick Trade(double second, decimal price, decimal quantity = 1m) =>
        new(Start.AddSeconds(second), Btc, string.Empty, string.Empty, quantity, price);

    private bool Pass(BaseData data) => _filter.Filter(_security, data);

    [Test]
    public void CleanTicksPass()
    {
        Assert.That(Pass(Quote(0, 99.99m, 100.01m)), Is.True);
        Assert.That(Pass(Trade(0.5, 100.01m)), Is.True);
        Assert.That(Pass(Quote(1, 99.98m, 100.00m)), Is.True);
        Assert.That(Pass(Quote(1, 99.98m, 100.00m)), Is.True, "a duplicate timestamp is not out of order");
        Assert.That(Pass(Quote(2, 0m, 100.02m, bidSize: 0m)), Is.True, "a one-sided quote update");
        Assert.That(Pass(Quote(3, 99.99m, 100.01m, 0m, 0m)), Is.True, "forex feeds carry no sizes");
        Assert.That(Pass(Quote(4, 100.00m, 100.00m)), Is.True, "a lock is left to portfolio construction's persistence rule");
        Assert.That(Pass(Quote(5, 100.02m, 100.00m)), Is.True, "so is a cross of 0.02 %");
        Assert.That(_filter.Dropped, Is.Zero);
        Assert.That(_log, Is.Empty);
    }

    [Test]
    public void EachKindOfBadPrintIsDroppedAndCounted()
    {
        Pass(Quote(0, 99.99m, 100.01m));
        Pass(Trade(0, 100m));
        var bad = new (BaseData Data, MarketDataIssue Kind)[]
        {
            (Quote(1, 0m, 0m), MarketDataIssue.NonPositive),
            (Quote(2, -99.99m, 100.01m), MarketDataIssue.NonPositive),
            (Quote(3, 99.99m, 100.01m, bidSize: -1m), MarketDataIssue.NonPositive),
            (Trade(4, 0m), MarketDataIssue.NonPositive),
            (Trade(5, -100m), MarketDataIssue.NonPositive),
            (Trade(6, 100m, quantity: 0m), MarketDataIssue.NonPositive),
            (Quote(7, 100.51m, 99.49m), MarketDataIssue.Crossed),
            (Quote(8, 999.9m, 1000.1m), MarketDataIssue.Spike),
            (Trade(9, 10m), MarketDataIssue.Spike),
            (Quote(-0.5, 99.99m, 100.01m), MarketDataIssue.OutOfOrder),
        };
        foreach (var (data, kind) in bad)
        {
            var before = _filter.DroppedOf(kind);
            Assert.That(Pass(data), Is.False, $"{kind}: {data}");
            Assert.That(_filter.DroppedOf(kind), Is.EqualTo(before + 1), kind.ToString());
        }

        Assert.That(_filter.Dropped, Is.EqualTo(bad.Length));
        Assert.That(Pass(Quote(10, 99.99m, 100.01m)), Is.True, "the clean book passes again");
        Assert.That(Pass(Trade(10, 100.01m)), Is.True);
    }

    [Test]
    public void ATenfoldPrintHeldForAFewTicksNeverReachesLeanButAGenuineJumpDoesOnceConfirmed()
    {
        for (var s = 0; s < 60; s++)
        {
            Assert.That(Pass(Quote(s, 99.99m, 100.01m)), Is.True);
        }

        for (var s = 60; s < 65; s++)
        {
            Assert.That(Pass(Quote(s, 999.9m, 1000.1m)), Is.False, "×10 for five ticks");
        }

        for (var s = 65; s < 68; s++)
        {
            Assert.That(Pass(Quote(s, 9.999m, 10.001m)), Is.False, "×0.1 for three ticks");
        }

        Assert.That(Pass(Quote(68, 99.99m, 100.01m)), Is.True);

        // a genuine 2 % jump: held back until it has persisted 30 s, then passed, so the price never freezes
        var passed = Enumerable.Range(70, 40).Select(s => (Second: s, Passed: Pass(Quote(s, 101.99m, 102.01m)))).ToArray();
        Assert.That(passed.Where(p => p.Passed).Select(p => p.Second).First(), Is.EqualTo(100));
        Assert.That(passed.Where(p => p.Second >= 100), Has.All.Matches<(int, bool Passed)>(p => p.Passed));
        Assert.That(_filter.DroppedOf(MarketDataIssue.Spike), Is.EqualTo(5 + 3 + 30));
    }

    [Test]
    public void OneSidedQuotesAreJudgedOnTheBookTheyUpdate()
    {
        // a wide one-sided book (IBM's extended hours): bid-only and ask-only ticks 1 % apart are no move of the mid
        Assert.That(Pass(Quote(0, 180.01m, 0m, askSize: 0m)), Is.True);
        for (var s = 1; s < 40; s++)
        {
            Assert.That(Pass(s % 2 == 0 ? Quote(s, 180.01m + s * 0.01m, 0m, askSize: 0m) : Quote(s, 0m, 181.90m, bidSize: 0m)), Is.True, $"tick {s}");
        }

        Assert.That(Pass(Quote(40, 0m, 1819.0m, bidSize: 0m)), Is.False, "an ask ×10 is still a spike");
        Assert.That(_filter.Dropped, Is.EqualTo(1));
    }

    [Test]
    public void TradeAndQuoteStreamsAreCheckedSeparately()
    {
        // LEAN filters each subscription on its own thread: the trade stream may run ahead of the quote stream
        Assert.That(Pass(Trade(100, 100m)), Is.True);
        Assert.That(Pass(Quote(50, 99.99m, 100.01m)), Is.True, "not out of order: another stream");
        Assert.That(Pass(Trade(99, 100m)), Is.False, "out of order within the trade stream");
    }

    [Test]
    public void AStreamThatStartsAgainFarBackIsAccepted()
    {
        Assert.That(Pass(Quote(7200, 99.99m, 100.01m)), Is.True);
        Assert.That(Pass(Quote(0, 49.99m, 50.01m)), Is.True, "two hours back: a history request through the same filter");
        Assert.That(Pass(Quote(1, 50m, 50.02m)), Is.True);
    }

    [Test]
    public void TheLogIsBoundedPerKindWithTheCountSinceTheLastLine()
    {
        Pass(Quote(0, 99.99m, 100.01m));
        for (var s = 1; s <= 150; s++)
        {
            Pass(Quote(s, 0m, 0m));
        }

        Assert.That(_log, Has.Count.EqualTo(3), "at 1 s, 61 s and 121 s");
        Assert.That(_log[0], Does.Contain("NonPositive").And.Contain(Btc.ToString()).And.EndWith("1 time(s) since the last line"));
        Assert.That(_log[1], Does.EndWith("60 time(s) since the last line"));
        Assert.That(_filter.DroppedOf(MarketDataIssue.NonPositive), Is.EqualTo(150));
    }

    [Test]
    public void FilteringAllocatesNothing()
    {
        var ticks = Enumerable.Range(0, 1000).Select(s => Quote(s, 99.99m + s % 3 * 0.01m, 100.01m + s % 3 * 0.01m)).ToArray();
        var bad = Enumerable.Range(1000, 1000).Select(s => Quote(s, 0m, 0m)).ToArray();
        var silent = new BadPrintDataFilter();
        silent.Filter(_security, ticks[0]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var tick in ticks.Skip(1).Concat(bad))
        {
            silent.Filter(_security, tick);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1000), "only the enumerators of this loop");
    }

    [Test]
    public void InstallSetsTheSecuritysLeanDataFilterOnce()
    {
        var algorithm = new QCAlgorithm();
        var security = NewSecurity();
        var filter = BadPrintDataFilter.Install(algorithm, security);
        Assert.That(security.DataFilter, Is.SameAs(filter));
        Assert.That(BadPrintDataFilter.Install(algorithm, security), Is.SameAs(filter));
    }

    [Test]
    public void SettingsAreValidated()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => new BadPrintFilterSettings(crossedTolerance: -0.1))!.ParameterName, Is.EqualTo("crossedTolerance"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new BadPrintFilterSettings(outOfOrderWindow: TimeSpan.Zero))!.ParameterName, Is.EqualTo("outOfOrderWindow"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new BadPrintFilterSettings(logInterval: TimeSpan.Zero))!.ParameterName, Is.EqualTo("logInterval"));
    }
}
