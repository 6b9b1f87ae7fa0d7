using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Errors;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Anchor;

[TestFixture]
public class RollingAnchorVoteTests
{
    [Test]
    public void AnEvenSplitDoesNotFlipTheAnchorButAClearLeadDoes()
    {
        // 10 windows, switching needs a lead of more than 0.2 × ballots cast.
        var vote = new RollingAnchorVote(2, 10, 0.2);
        for (var i = 0; i < 10; i++)
        {
            Assert.That(vote.Add(0), Is.Zero);
        }

        // 5 ballots for 1, 5 for 0: 1 leads by 0 — keeps 0; 6–4: lead 2 = 0.2 × 10, not more — keeps 0; 7–3: switches.
        for (var i = 0; i < 5; i++)
        {
            vote.Add(1);
        }

        Assert.That(vote.Anchor, Is.Zero, "5-5");
        Assert.That(vote.Add(1), Is.Zero, "6-4: lead 2 is not more than 0.2 x 10");
        Assert.That(vote.Add(1), Is.EqualTo(1), "7-3: lead 4 > 2");

        // The vote now holds 0,0,0 then seven 1s. Back to 0 needs the same lead the other way (hysteresis): three 0s
        // replace the three oldest 0s (3-7), three more make 6-4, a lead of 2 = 0.2 x 10: still 1; one more, 7-3: 0.
        for (var i = 0; i < 6; i++)
        {
            vote.Add(0);
        }

        Assert.That(vote.Ballots(0), Is.EqualTo(6));
        Assert.That(vote.Anchor, Is.EqualTo(1), "0 leads 6-4 by 2 = 0.2 x 10: not enough");
        Assert.That(vote.Add(0), Is.Zero, "7-3");
    }

    [Test]
    public void WithoutHysteresisAStrictMajoritySwitches()
    {
        var vote = new RollingAnchorVote(2, 4, 0.0);
        vote.Add(0);
        vote.Add(0);
        vote.Add(1);
        Assert.That(vote.Add(1), Is.Zero, "2-2 keeps the incumbent");
        Assert.That(vote.Add(1), Is.EqualTo(1), "the oldest 0 ages out: 1-3");
    }

    [Test]
    public void WindowsWithoutAPickCastNoBallotAndAnInitialTieNamesNoAnchor()
    {
        var vote = new RollingAnchorVote(3, 4, 0.0);
        Assert.That(vote.Add(-1), Is.EqualTo(-1));
        vote.Add(2);
        Assert.That(vote.Anchor, Is.EqualTo(2));
        var tie = new RollingAnchorVote(2, 4, 0.0);
        tie.Add(0);
        Assert.That(tie.Add(1), Is.EqualTo(0), "the first leader holds through a tie");
        var fresh = new RollingAnchorVote(2, 2, 0.0);
        Assert.That(fresh.Add(-1), Is.EqualTo(-1));
        Assert.Throws<MarketMakingException>(() => fresh.Add(2));
        Assert.Throws<MarketMakingException>(() => new RollingAnchorVote(1, 2, 0.0));
        Assert.Throws<MarketMakingException>(() => new RollingAnchorVote(2, 2, 1.0));
    }
}
