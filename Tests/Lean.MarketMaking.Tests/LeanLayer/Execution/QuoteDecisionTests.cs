using Lean.MarketMaking.Algorithms.Execution;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanLayer.Execution;

[TestFixture]
public class QuoteDecisionTests
{
    private const decimal Tick = 0.01m;
    private const decimal Lot = 0.001m;

    [Test]
    public void PlacesWhenNothingWorks() =>
        Assert.That(QuoteDecision.Decide(null, 100m, 1m, Tick, Lot, 2), Is.EqualTo(QuoteAction.Place));

    [Test]
    public void DoesNothingWhenNothingIsWantedOrWorking() =>
        Assert.That(QuoteDecision.Decide(null, 100m, 0m, Tick, Lot, 2), Is.EqualTo(QuoteAction.None));

    [Test]
    public void CancelsWhenTheSideIsSwitchedOff() =>
        Assert.That(QuoteDecision.Decide(new WorkingOrder(1, 1m, 100m), 100m, 0m, Tick, Lot, 2), Is.EqualTo(QuoteAction.Cancel));

    [Test]
    public void KeepsAnOrderThatMovedLessThanTheThreshold() =>
        Assert.That(QuoteDecision.Decide(new WorkingOrder(1, 1m, 100m), 100.01m, 1m, Tick, Lot, 2), Is.EqualTo(QuoteAction.None));

    [Test]
    public void MovesAnOrderThatMovedByTheThreshold() =>
        Assert.That(QuoteDecision.Decide(new WorkingOrder(1, 1m, 100m), 100.02m, 1m, Tick, Lot, 2), Is.EqualTo(QuoteAction.Update));

    [Test]
    public void ResizesWhenTheUnfilledQuantityDiffersByALot()
    {
        var partlyFilled = new WorkingOrder(1, -1m, 100m) { Filled = -0.4m };
        Assert.That(partlyFilled.Remaining, Is.EqualTo(0.6m));
        Assert.That(QuoteDecision.Decide(partlyFilled, 100m, 1m, Tick, Lot, 2), Is.EqualTo(QuoteAction.Update));
        Assert.That(QuoteDecision.Decide(partlyFilled, 100m, 0.6m, Tick, Lot, 2), Is.EqualTo(QuoteAction.None));
    }
}
