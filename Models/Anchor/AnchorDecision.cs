namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The anchor selection's output for one decision window (contract indices; −1 = none): each rule's own pick from the
/// information before the window, and the anchor after the rolling vote.
/// </summary>
/// <param name="WindowStartSeconds">Start of the decision window, seconds.</param>
/// <param name="HawkesPick">Contract with the lowest forecast arrival ratio, or −1 (no fit yet, or a tie).</param>
/// <param name="ClfPick">Contract with the lowest smoothed CLF, or −1 (no book yet, or a tie).</param>
/// <param name="HawkesAnchor">The Hawkes rule's anchor after the vote, or −1.</param>
/// <param name="ClfAnchor">The CLF rule's anchor after the vote, or −1.</param>
public readonly record struct AnchorDecision(double WindowStartSeconds, int HawkesPick, int ClfPick, int HawkesAnchor, int ClfAnchor);
