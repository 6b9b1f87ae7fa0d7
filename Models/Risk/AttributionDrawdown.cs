namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Drawdown of a P&amp;L series from its running peak, in the series' currency: the peak starts at 0 (a book starts
/// with no P&amp;L), <see cref="Current"/> = peak − P&amp;L ≥ 0, <see cref="Maximum"/> the largest seen.
/// </summary>
public sealed class AttributionDrawdown
{
    /// <summary>Highest P&amp;L seen (≥ 0: the start counts as a peak of 0).</summary>
    public decimal Peak { get; private set; }

    /// <summary>Peak − the last P&amp;L (≥ 0).</summary>
    public decimal Current { get; private set; }

    /// <summary>Largest <see cref="Current"/> seen.</summary>
    public decimal Maximum { get; private set; }

    /// <summary>Passes the P&amp;L now.</summary>
    public void Update(decimal profit)
    {
        if (profit > Peak)
        {
            Peak = profit;
        }

        Current = Peak - profit;
        if (Current > Maximum)
        {
            Maximum = Current;
        }
    }
}
