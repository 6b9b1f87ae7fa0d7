namespace Lean.MarketMaking.Models.Anchor;

/// <summary>Agreement of each rule with the hindsight oracle (<see cref="AnchorEvaluation"/>): raw per-window picks and voted anchors.</summary>
public sealed class AnchorEvaluationResult
{
    /// <summary>Creates empty scores.</summary>
    /// <param name="contracts">Number of contracts.</param>
    public AnchorEvaluationResult(int contracts)
    {
        HawkesPicks = new AgreementScore(contracts);
        HawkesAnchors = new AgreementScore(contracts);
        ClfPicks = new AgreementScore(contracts);
        ClfAnchors = new AgreementScore(contracts);
    }

    /// <summary>Decision windows evaluated.</summary>
    public long Windows { get; private set; }

    /// <summary>Windows in which the oracle picked a contract (not a tie).</summary>
    public long DecisiveWindows { get; private set; }

    /// <summary>The Hawkes rule's raw picks against the oracle.</summary>
    public AgreementScore HawkesPicks { get; }

    /// <summary>The Hawkes rule's voted anchors against the oracle (the paper's decision).</summary>
    public AgreementScore HawkesAnchors { get; }

    /// <summary>The CLF rule's raw picks against the oracle.</summary>
    public AgreementScore ClfPicks { get; }

    /// <summary>The CLF rule's voted anchors against the oracle (the paper's decision).</summary>
    public AgreementScore ClfAnchors { get; }

    /// <summary>Scores one window: the decision made before it against the oracle's pick for it (−1: no pick).</summary>
    /// <param name="decision">The decision for the window.</param>
    /// <param name="oracle">The oracle's pick, or −1.</param>
    public void Score(in AnchorDecision decision, int oracle)
    {
        Windows++;
        if (oracle >= 0)
        {
            DecisiveWindows++;
        }

        HawkesPicks.Add(decision.HawkesPick, oracle);
        HawkesAnchors.Add(decision.HawkesAnchor, oracle);
        ClfPicks.Add(decision.ClfPick, oracle);
        ClfAnchors.Add(decision.ClfAnchor, oracle);
    }
}
