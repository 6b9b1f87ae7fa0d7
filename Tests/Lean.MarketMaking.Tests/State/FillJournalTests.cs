using System;
using System.Collections.Immutable;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.State;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.State;

[TestFixture]
public class FillJournalTests
{
    private static FillRecord Fill(long orderId) =>
        new(orderId, 1, 0, new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc).AddSeconds(orderId), 100, 1, 0);

    [Test]
    public void AFullJournalDropsTheOldestAndCountsIt()
    {
        var journal = new FillJournal(capacity: 3);
        for (var id = 0; id < 5; id++)
        {
            journal = journal.Append(Fill(id));
        }

        Assert.That(journal.Records.Select(f => f.OrderId), Is.EqualTo(new long[] { 2, 3, 4 }));
        Assert.That(journal.DroppedCount, Is.EqualTo(2));
        Assert.That(journal.Contains(4, 1), Is.True);
        Assert.That(journal.Contains(1, 1), Is.False, "dropped");
        Assert.That(journal.Contains(4, 2), Is.False, "another event of the order");
        Assert.That(new FillJournal(2, journal.Records, journal.DroppedCount).DroppedCount, Is.EqualTo(3), "re-capping counts too");
    }

    [Test]
    public void InvalidRecordsQuotesAndSnapshotsAreNamed()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => new FillRecord(1, 1, 0, DateTime.UtcNow, 100, 0, 0))!.ParameterName,
            Is.EqualTo("fillQuantity"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new FillJournal(0))!.ParameterName, Is.EqualTo("capacity"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new WorkingQuote(0, (QuoteSide)7, 1, 100, 1))!.ParameterName, Is.EqualTo("side"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new IntensityCalibration(1, double.NaN, 1, 1))!.ParameterName,
            Is.EqualTo("bidKPerPriceUnit"));
        var flat = MarketMakingState.Flat(1);
        var twoBids = new[] { new WorkingQuote(0, QuoteSide.Bid, 1, 99, 1), new WorkingQuote(0, QuoteSide.Bid, 2, 98, 1) };
        Assert.That(Assert.Throws<MarketMakingException>(() => new MarketMakingStateSnapshot(0, DateTime.UtcNow, flat, workingQuotes: twoBids))!.ParameterName,
            Is.EqualTo("workingQuotes[1]"), "one quote per side");
        var otherAsset = new[] { new WorkingQuote(1, QuoteSide.Ask, 1, 101, 1) };
        Assert.That(Assert.Throws<MarketMakingException>(() => new MarketMakingStateSnapshot(0, DateTime.UtcNow, flat, workingQuotes: otherAsset))!.ParameterName,
            Is.EqualTo("workingQuotes[0]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new MarketMakingStateSnapshot(0, DateTime.UtcNow, flat, ImmutableArray.Create<IntensityCalibration?>(null, null)))!.ParameterName,
            Is.EqualTo("intensity"));
    }
}
