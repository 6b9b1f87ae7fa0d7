using System;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The agreement score of arXiv:2507.05749 (the paper reports Hawkes 0.6856 and best CLF 0.6358 on one day of NIFTY
/// futures): the share of decision windows in which a rule's anchor equals the hindsight oracle's
/// (<see cref="SlippageOracle"/>), over the windows where both made a pick. Also the agreement expected by chance from
/// the two marginal frequencies, Σₖ p_rule(k)·p_oracle(k), and Cohen's κ = (agreement − chance)/(1 − chance): a rule
/// that always names the same contract agrees as often as that contract is the oracle's pick, and has κ = 0.
/// </summary>
public sealed class AgreementScore
{
    private readonly long[] _ruleCounts;
    private readonly long[] _oracleCounts;

    /// <summary>Creates an empty score for <paramref name="contracts"/> contracts.</summary>
    /// <param name="contracts">Number of contracts, ≥ 2.</param>
    public AgreementScore(int contracts)
    {
        UniqueMinimum.Contracts(contracts, nameof(contracts));
        _ruleCounts = new long[contracts];
        _oracleCounts = new long[contracts];
    }

    /// <summary>Windows scored (both the rule and the oracle picked).</summary>
    public long Windows { get; private set; }

    /// <summary>Windows in which the rule and the oracle picked the same contract.</summary>
    public long Agreements { get; private set; }

    /// <summary>Agreements / windows (NaN with no window).</summary>
    public double Agreement => Windows == 0 ? double.NaN : Agreements / (double)Windows;

    /// <summary>Agreement expected of a rule independent of the oracle with the same marginal frequencies.</summary>
    public double ChanceAgreement
    {
        get
        {
            if (Windows == 0)
            {
                return double.NaN;
            }

            var chance = 0.0;
            for (var k = 0; k < _ruleCounts.Length; k++)
            {
                chance += _ruleCounts[k] / (double)Windows * (_oracleCounts[k] / (double)Windows);
            }

            return chance;
        }
    }

    /// <summary>Cohen's κ = (agreement − chance)/(1 − chance); NaN when chance is 1 or there is no window.</summary>
    public double Kappa
    {
        get
        {
            var chance = ChanceAgreement;
            return chance < 1 ? (Agreement - chance) / (1 - chance) : double.NaN;
        }
    }

    /// <summary>Share of scored windows in which the rule picked <paramref name="contract"/>.</summary>
    /// <param name="contract">Contract index.</param>
    public double RuleShare(int contract) => Windows == 0 ? double.NaN : _ruleCounts[contract] / (double)Windows;

    /// <summary>Share of scored windows in which the oracle picked <paramref name="contract"/>.</summary>
    /// <param name="contract">Contract index.</param>
    public double OracleShare(int contract) => Windows == 0 ? double.NaN : _oracleCounts[contract] / (double)Windows;

    /// <summary>Scores one window; a −1 on either side (no pick) leaves it out.</summary>
    /// <param name="rule">The rule's anchor, or −1.</param>
    /// <param name="oracle">The oracle's pick, or −1.</param>
    public void Add(int rule, int oracle)
    {
        if (rule < 0 || oracle < 0)
        {
            return;
        }

        Windows++;
        _ruleCounts[rule]++;
        _oracleCounts[oracle]++;
        if (rule == oracle)
        {
            Agreements++;
        }
    }
}
