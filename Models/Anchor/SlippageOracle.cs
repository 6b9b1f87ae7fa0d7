using System;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The hindsight oracle of arXiv:2507.05749's evaluation: after each decision window, the contract that would have
/// minimised the realised slippage had it been the reference. The paper measures execution risk as the variation of
/// transaction prices between the first leg's start and the position's completion; its exact slippage formula is not
/// recoverable here, so (derived) the realised slippage of a contract over a window is the total variation of its log
/// mid, Σ|Δ ln mid| over its book updates, starting from the mid at the window's start — how far its price wandered
/// while the window ran. Equal slippage (typically: no contract moved) gives no oracle pick, and such windows are left
/// out of the agreement score. Override <see cref="Increment"/> for another measure. Allocation-free.
/// </summary>
public class SlippageOracle
{
    private readonly double[] _slippage;
    private readonly double[] _lastMid;

    /// <summary>Creates the oracle for <paramref name="contracts"/> contracts with no prices yet.</summary>
    /// <param name="contracts">Number of contracts, ≥ 2.</param>
    public SlippageOracle(int contracts)
    {
        UniqueMinimum.Contracts(contracts, nameof(contracts));
        _slippage = new double[contracts];
        _lastMid = new double[contracts];
        Array.Fill(_lastMid, double.NaN);
    }

    /// <summary>Realised slippage of <paramref name="contract"/> in the current window so far.</summary>
    /// <param name="contract">Contract index.</param>
    public double Slippage(int contract) => _slippage[contract];

    /// <summary>Records a new mid of <paramref name="contract"/> (its first mid only sets the reference).</summary>
    /// <param name="contract">Contract index.</param>
    /// <param name="mid">Mid price, price units, &gt; 0.</param>
    public void OnMid(int contract, double mid)
    {
        if (!(mid > 0) || !double.IsFinite(mid))
        {
            return;
        }

        var last = _lastMid[contract];
        if (!double.IsNaN(last))
        {
            _slippage[contract] += Increment(last, mid);
        }

        _lastMid[contract] = mid;
    }

    /// <summary>
    /// Ends the window: returns the contract with the least slippage (−1 when tied or when a contract has no price yet)
    /// and starts the next window from the current mids.
    /// </summary>
    public int CloseWindow()
    {
        var pick = Array.IndexOf(_lastMid, double.NaN) >= 0 ? -1 : UniqueMinimum.IndexOf(_slippage);
        Array.Clear(_slippage);
        return pick;
    }

    /// <summary>Slippage added by a move of the mid from <paramref name="previousMid"/> to <paramref name="mid"/>: |ln(mid/previous)|.</summary>
    /// <param name="previousMid">The previous mid.</param>
    /// <param name="mid">The new mid.</param>
    protected virtual double Increment(double previousMid, double mid) => Math.Abs(Math.Log(mid / previousMid));
}
