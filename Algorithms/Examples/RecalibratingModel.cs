using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// A model whose inputs (σ, A, k, a covariance, jump or regime parameters...) are re-estimated online. Models are
/// immutable and precompute at construction, so the model is rebuilt from the current inputs only when one of them
/// has moved by more than <see cref="RelativeThreshold"/> (relative to the value the current model was built with);
/// between rebuilds <see cref="Current"/> stays the same instance.
/// </summary>
/// <typeparam name="TModel">The quoting model type (single- or multi-asset).</typeparam>
public abstract class RecalibratingModel<TModel>
    where TModel : class
{
    private readonly Func<double[], TModel> _factory;
    private readonly double[] _built;
    private readonly double[] _candidate;

    /// <summary>Builds the first model from <paramref name="initialInputs"/>.</summary>
    /// <param name="factory">Builds a model from the inputs (it receives a copy it may keep).</param>
    /// <param name="initialInputs">Starting inputs (finite).</param>
    /// <param name="relativeThreshold">Smallest relative change |x − x₀| / |x₀| of any input that triggers a rebuild (&gt; 0).</param>
    protected RecalibratingModel(Func<double[], TModel> factory, double[] initialInputs, double relativeThreshold)
    {
        _factory = factory ?? throw Guard.Invalid(nameof(factory), "must not be null");
        Guard.AllFinite(initialInputs ?? throw Guard.Invalid(nameof(initialInputs), "must not be null"), nameof(initialInputs));
        RelativeThreshold = Guard.Positive(relativeThreshold, nameof(relativeThreshold));
        _built = (double[])initialInputs.Clone();
        _candidate = new double[initialInputs.Length];
        Current = factory((double[])_built.Clone());
    }

    /// <summary>Smallest relative input change that triggers a rebuild.</summary>
    public double RelativeThreshold { get; }

    /// <summary>The model in use.</summary>
    public TModel Current { get; private set; }

    /// <summary>Number of rebuilds since construction.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>The inputs the current model was built with.</summary>
    public ReadOnlySpan<double> Inputs => _built;

    /// <summary>
    /// Rebuilds the model from <paramref name="inputs"/> whatever their change (e.g. the calibrated inputs of a restored
    /// restart state); not counted in <see cref="Rebuilds"/>. Non-finite inputs, or a rebuild the model rejects, keep the
    /// current model.
    /// </summary>
    /// <returns>True if the model was rebuilt from <paramref name="inputs"/>.</returns>
    public bool Restore(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != _built.Length)
        {
            throw Guard.Invalid(nameof(inputs), $"must have {_built.Length} values, got {inputs.Length}");
        }

        foreach (var input in inputs)
        {
            if (!double.IsFinite(input))
            {
                return false;
            }
        }

        try
        {
            Current = _factory(inputs.ToArray());
        }
        catch (MarketMakingException)
        {
            return false;
        }

        inputs.CopyTo(_built);
        return true;
    }

    /// <summary>
    /// Offers new inputs; rebuilds the model if any moved by more than the threshold and the rebuild succeeds.
    /// Non-finite inputs are ignored (the estimators are not ready yet). A rebuild the model rejects
    /// (<see cref="MarketMakingException"/>) keeps the current model and returns false.
    /// </summary>
    /// <returns>True if the model was rebuilt.</returns>
    public bool Offer(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != _built.Length)
        {
            throw Guard.Invalid(nameof(inputs), $"must have {_built.Length} values, got {inputs.Length}");
        }

        var moved = false;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (!double.IsFinite(inputs[i]))
            {
                return false;
            }

            var reference = Math.Abs(_built[i]);
            var change = Math.Abs(inputs[i] - _built[i]);
            moved |= reference > 0 ? change > RelativeThreshold * reference : change > 0;
        }

        if (!moved)
        {
            return false;
        }

        inputs.CopyTo(_candidate);
        TModel rebuilt;
        try
        {
            rebuilt = _factory((double[])_candidate.Clone());
        }
        catch (MarketMakingException)
        {
            return false;
        }

        Current = rebuilt;
        _candidate.CopyTo(_built, 0);
        Rebuilds++;
        return true;
    }
}
