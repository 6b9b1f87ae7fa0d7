using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// A finite-horizon quoting model used as a stationary one: every quote is taken at the same time-to-go T (the model's
/// time is replaced by <see cref="Time"/> = 0 for a model built with horizon T), so the quotes do not depend on the time
/// of day. For a market that never closes and an inventory carried through any daily reset, with T much longer than the
/// model's relaxation time, this is the model's large-horizon (ergodic) limit, not a horizon at which the inventory is
/// flattened.
/// </summary>
internal sealed class FixedTimeToGoQuotingModel : IQuotingModel
{
    private readonly IQuotingModel _model;

    /// <summary>Wraps <paramref name="model"/>, built with horizon T, to quote at time-to-go T.</summary>
    /// <param name="model">The finite-horizon model.</param>
    public FixedTimeToGoQuotingModel(IQuotingModel model) =>
        _model = model ?? throw Guard.Invalid(nameof(model), "must not be null");

    /// <summary>The model time every quote is taken at (0: time-to-go = the model's horizon).</summary>
    public static double Time => 0;

    /// <inheritdoc />
    public TwoSidedQuote Quote(in MarketSnapshot snapshot) =>
        _model.Quote(new MarketSnapshot(snapshot.Mid, Time, snapshot.Inventory, snapshot.Drift, snapshot.AdverseSelection, snapshot.DriftDecayTime));
}
