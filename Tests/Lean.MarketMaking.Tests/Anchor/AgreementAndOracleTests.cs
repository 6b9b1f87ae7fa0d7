using Lean.MarketMaking.Models.Anchor;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Anchor;

[TestFixture]
public class AgreementAndOracleTests
{
    [Test]
    public void AgreementChanceAndKappaByHand()
    {
        var score = new AgreementScore(2);
        int[] rule = { 0, 0, 1, 1, -1 };
        int[] oracle = { 0, 1, 1, 1, 0 };
        for (var i = 0; i < rule.Length; i++)
        {
            score.Add(rule[i], oracle[i]);
        }

        // 4 scored windows (the rule made no pick in the fifth), 3 agree; chance = ½·¼ + ½·¾ = ½; κ = (¾ − ½)/(1 − ½) = ½.
        Assert.That(score.Windows, Is.EqualTo(4));
        Assert.That(score.Agreement, Is.EqualTo(0.75));
        Assert.That(score.ChanceAgreement, Is.EqualTo(0.5));
        Assert.That(score.Kappa, Is.EqualTo(0.5));
    }

    [Test]
    public void AConstantRuleAgreesOnlyByChance()
    {
        var score = new AgreementScore(2);
        foreach (var o in new[] { 0, 1, 1, 0, 1 })
        {
            score.Add(1, o);
        }

        Assert.That(score.Agreement, Is.EqualTo(0.6));
        Assert.That(score.ChanceAgreement, Is.EqualTo(0.6).Within(1e-15));
        Assert.That(score.Kappa, Is.EqualTo(0).Within(1e-15));
    }

    [Test]
    public void OraclePicksTheContractWhosePriceWanderedLeastAndNoneOnATie()
    {
        var oracle = new SlippageOracle(2);
        oracle.OnMid(0, 100.0);
        oracle.OnMid(1, 200.0);
        Assert.That(oracle.CloseWindow(), Is.EqualTo(-1), "nothing moved: a tie");

        // Contract 0 goes up a tick and back (total variation 2 ticks), contract 1 moves once by a tick.
        oracle.OnMid(0, 100.05);
        oracle.OnMid(0, 100.0);
        oracle.OnMid(1, 200.05);
        Assert.That(oracle.Slippage(0), Is.EqualTo(System.Math.Log(100.05 / 100.0) + System.Math.Log(100.05 / 100.0)).Within(1e-15));
        Assert.That(oracle.CloseWindow(), Is.EqualTo(1));
        Assert.That(oracle.Slippage(0), Is.Zero, "a new window starts from the current mids");
        var partial = new SlippageOracle(2);
        partial.OnMid(0, 100.0);
        Assert.That(partial.CloseWindow(), Is.EqualTo(-1), "a contract without a price yet: no pick");
    }
}
