using System;
using Lean.MarketMaking.Models.Quoting;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// A single-asset quoting model rebuilt from online inputs (<see cref="RecalibratingModel{TModel}"/>);
/// <see cref="Quote"/> delegates to the current model and allocates nothing. The last quote is kept for plotting.
/// </summary>
public sealed class RecalibratingQuotingModel : RecalibratingModel<IQuotingModel>, IQuotingModel
{
    /// <inheritdoc cref="RecalibratingModel{TModel}(Func{double[], TModel}, double[], double)"/>
    public RecalibratingQuotingModel(Func<double[], IQuotingModel> factory, double[] initialInputs, double relativeThreshold)
        : base(factory, initialInputs, relativeThreshold)
    {
    }

    /// <summary>The last quote returned (default before the first quote).</summary>
    public TwoSidedQuote LastQuote { get; private set; }

    /// <inheritdoc />
    public TwoSidedQuote Quote(in MarketSnapshot snapshot)
    {
        var quote = Current.Quote(snapshot);
        LastQuote = quote;
        return quote;
    }
}
