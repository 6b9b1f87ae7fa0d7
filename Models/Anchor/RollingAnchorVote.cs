using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The rolling vote of arXiv:2507.05749 that turns per-window picks into the anchor decision: a majority over the
/// picks of the trailing <see cref="Windows"/> decision windows (the paper: 1,000 ms), with hysteresis (derived here;
/// the paper's vote has none stated): the anchor passes from the incumbent to the leading contract only when the
/// leader's ballots exceed the incumbent's by more than <see cref="Hysteresis"/> × the ballots cast, so a 50/50 split
/// does not flip the anchor every window. A window without a pick casts no ballot (it still ages out of the vote).
/// Allocation-free after construction.
/// </summary>
public sealed class RollingAnchorVote
{
    private readonly int[] _ballots;
    private readonly int[] _counts;
    private int _next;
    private int _filled;
    private int _cast;

    /// <summary>Creates an empty vote with no anchor.</summary>
    /// <param name="contracts">Number of contracts, ≥ 2.</param>
    /// <param name="windows">Decision windows in the vote, &gt; 0.</param>
    /// <param name="hysteresis">Required lead as a share of the ballots cast, in [0, 1).</param>
    public RollingAnchorVote(int contracts, int windows, double hysteresis)
    {
        UniqueMinimum.Contracts(contracts, nameof(contracts));
        Windows = Guard.Positive(windows, nameof(windows));
        Hysteresis = Guard.InRange(hysteresis, 0.0, 0.999999, nameof(hysteresis));
        _ballots = new int[windows];
        _counts = new int[contracts];
        Array.Fill(_ballots, -1);
        Anchor = -1;
    }

    /// <summary>Decision windows in the vote.</summary>
    public int Windows { get; }

    /// <summary>Required lead over the incumbent as a share of the ballots cast.</summary>
    public double Hysteresis { get; }

    /// <summary>The current anchor (contract index), or −1 before any contract has led.</summary>
    public int Anchor { get; private set; }

    /// <summary>Ballots for <paramref name="contract"/> in the current vote.</summary>
    /// <param name="contract">Contract index.</param>
    public int Ballots(int contract) => _counts[contract];

    /// <summary>Adds one window's pick (−1 for none), drops the oldest window, and returns the anchor.</summary>
    /// <param name="pick">Contract index picked in this window, or −1.</param>
    /// <exception cref="MarketMakingException">InvalidParameters for a pick outside [−1, contracts).</exception>
    public int Add(int pick)
    {
        if (pick < -1 || pick >= _counts.Length)
        {
            throw Guard.Invalid(nameof(pick), $"must be -1 or in [0, {_counts.Length - 1}], got {pick}");
        }

        if (_filled == _ballots.Length)
        {
            var old = _ballots[_next];
            if (old >= 0)
            {
                _counts[old]--;
                _cast--;
            }
        }
        else
        {
            _filled++;
        }

        _ballots[_next] = pick;
        _next = (_next + 1) % _ballots.Length;
        if (pick >= 0)
        {
            _counts[pick]++;
            _cast++;
        }

        var leader = 0;
        for (var k = 1; k < _counts.Length; k++)
        {
            if (_counts[k] > _counts[leader])
            {
                leader = k;
            }
        }

        if (Anchor < 0)
        {
            if (_counts[leader] > 0 && IsUniqueLeader(leader))
            {
                Anchor = leader;
            }
        }
        else if (leader != Anchor && _counts[leader] - _counts[Anchor] > Hysteresis * _cast)
        {
            Anchor = leader;
        }

        return Anchor;
    }

    private bool IsUniqueLeader(int leader)
    {
        for (var k = 0; k < _counts.Length; k++)
        {
            if (k != leader && _counts[k] == _counts[leader])
            {
                return false;
            }
        }

        return true;
    }
}
