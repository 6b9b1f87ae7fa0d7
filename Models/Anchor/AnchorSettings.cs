using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// Windows and tuning of the anchor (reference-contract) selection of arXiv:2507.05749. The paper's set-up: fixed,
/// non-overlapping 10 ms decision windows using only information before each window, the Hawkes process fitted on the
/// trailing 1,000 ms, a majority vote over the trailing 1,000 ms. The refit cadence, the CLF's EMA weight and the vote's
/// hysteresis are not given there (derived here; tune them). Immutable and validated.
/// </summary>
public sealed record AnchorSettings
{
    /// <summary>Validates the settings.</summary>
    /// <param name="decisionWindowSeconds">Length of a decision window, seconds (paper: 0.010).</param>
    /// <param name="trailingWindowSeconds">Hawkes fitting window, seconds (paper: 1.0), ≥ the decision window.</param>
    /// <param name="refitIntervalSeconds">Time between refits, seconds, ≥ the decision window (derived default 0.1).</param>
    /// <param name="maxRefitIterations">Cap on EM iterations of a warm-started refit (derived default 20).</param>
    /// <param name="clfSmoothing">EMA weight of the newest CLF per window, in (0, 1] (derived default 2/(10+1): a 10-window span).</param>
    /// <param name="voteWindows">Decision windows in the rolling vote (paper: 100 = 1,000 ms at 10 ms).</param>
    /// <param name="voteHysteresis">Lead over the incumbent, as a share of the ballots cast, needed to switch anchors, in [0, 1).</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the offending value.</exception>
    public AnchorSettings(
        double decisionWindowSeconds = 0.010,
        double trailingWindowSeconds = 1.0,
        double refitIntervalSeconds = 0.1,
        int maxRefitIterations = 20,
        double clfSmoothing = 2.0 / 11.0,
        int voteWindows = 100,
        double voteHysteresis = 0.1)
    {
        DecisionWindowSeconds = Guard.Positive(decisionWindowSeconds, nameof(decisionWindowSeconds));
        TrailingWindowSeconds = Guard.Positive(trailingWindowSeconds, nameof(trailingWindowSeconds));
        if (trailingWindowSeconds < decisionWindowSeconds)
        {
            throw Guard.Invalid(nameof(trailingWindowSeconds), $"must be >= the decision window {decisionWindowSeconds}, got {trailingWindowSeconds}");
        }

        RefitIntervalSeconds = Guard.Positive(refitIntervalSeconds, nameof(refitIntervalSeconds));
        if (refitIntervalSeconds < decisionWindowSeconds)
        {
            throw Guard.Invalid(nameof(refitIntervalSeconds), $"must be >= the decision window {decisionWindowSeconds}, got {refitIntervalSeconds}");
        }

        MaxRefitIterations = Guard.Positive(maxRefitIterations, nameof(maxRefitIterations));
        ClfSmoothing = Guard.InRange(clfSmoothing, double.Epsilon, 1.0, nameof(clfSmoothing));
        VoteWindows = Guard.Positive(voteWindows, nameof(voteWindows));
        VoteHysteresis = Guard.InRange(voteHysteresis, 0.0, 0.999999, nameof(voteHysteresis));
    }

    /// <summary>Length of a decision window, seconds.</summary>
    public double DecisionWindowSeconds { get; }

    /// <summary>Hawkes fitting window, seconds.</summary>
    public double TrailingWindowSeconds { get; }

    /// <summary>Time between refits, seconds.</summary>
    public double RefitIntervalSeconds { get; }

    /// <summary>Cap on EM iterations of a warm-started refit.</summary>
    public int MaxRefitIterations { get; }

    /// <summary>EMA weight of the newest CLF per decision window.</summary>
    public double ClfSmoothing { get; }

    /// <summary>Decision windows in the rolling vote.</summary>
    public int VoteWindows { get; }

    /// <summary>Lead over the incumbent (share of ballots cast) needed to switch anchors.</summary>
    public double VoteHysteresis { get; }
}
