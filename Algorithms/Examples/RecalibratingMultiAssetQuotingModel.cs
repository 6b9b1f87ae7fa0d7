using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// A multi-asset quoting model rebuilt from online inputs (<see cref="RecalibratingModel{TModel}"/>, e.g. a covariance
/// matrix re-estimated online); <see cref="Quote"/> delegates to the current model and allocates nothing. Every
/// rebuilt model must quote the same number of assets. The last quotes are kept for plotting.
/// </summary>
public sealed class RecalibratingMultiAssetQuotingModel : RecalibratingModel<IMultiAssetQuotingModel>, IMultiAssetQuotingModel
{
    private readonly TwoSidedQuote[] _lastQuotes;

    /// <inheritdoc cref="RecalibratingModel{TModel}(Func{double[], TModel}, double[], double)"/>
    public RecalibratingMultiAssetQuotingModel(Func<double[], IMultiAssetQuotingModel> factory, double[] initialInputs, double relativeThreshold)
        : base(CheckedFactory(factory), initialInputs, relativeThreshold)
    {
        _lastQuotes = new TwoSidedQuote[Current.AssetCount];
    }

    /// <inheritdoc />
    public int AssetCount => _lastQuotes.Length;

    /// <summary>The last quotes returned, one per asset (defaults before the first quote).</summary>
    public ReadOnlySpan<TwoSidedQuote> LastQuotes => _lastQuotes;

    /// <inheritdoc />
    public void Quote(ReadOnlySpan<double> mids, ReadOnlySpan<double> inventory, double time, Span<TwoSidedQuote> quotes)
    {
        Current.Quote(mids, inventory, time, quotes);
        quotes.CopyTo(_lastQuotes);
    }

    /// <summary>A rebuilt model with another asset count is rejected like an invalid rebuild (the current model stays).</summary>
    private static Func<double[], IMultiAssetQuotingModel> CheckedFactory(Func<double[], IMultiAssetQuotingModel> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        int? count = null;
        return inputs =>
        {
            var model = factory(inputs);
            count ??= model.AssetCount;
            return model.AssetCount == count
                ? model
                : throw Guard.Invalid(nameof(factory), $"built a model of {model.AssetCount} assets instead of {count}");
        };
    }
}
