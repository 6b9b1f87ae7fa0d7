using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// Online regime filter for live use: the forward recursion (Hamilton 1989, Econometrica 57, the filter for the regime;
/// Rabiner 1989, Proc. IEEE 77, eqs. 19–20 with scaling) giving P(sₜ = j | x₁..xₜ) after each observation,
/// in O(K² + K·d²) per update with no allocation. The probabilities always sum to 1. Not thread-safe.
/// </summary>
public sealed class HiddenMarkovModelFilter
{
    private readonly HiddenMarkovModelParameters _parameters;
    private readonly double[] _probabilities;
    private readonly double[] _logLikelihoods;
    private readonly double[] _scaledLikelihoods;
    private readonly double[] _scratch;
    private bool _restored;

    /// <summary>Creates a filter that starts from the model's initial distribution.</summary>
    public HiddenMarkovModelFilter(HiddenMarkovModelParameters parameters)
    {
        _parameters = parameters ?? throw Guard.Invalid(nameof(parameters), "must not be null");
        var k = parameters.StateCount;
        _probabilities = new double[k];
        _logLikelihoods = new double[k];
        _scaledLikelihoods = new double[k];
        _scratch = new double[Math.Max(k, parameters.Dimension)];
        Reset();
    }

    /// <summary>The model being filtered.</summary>
    public HiddenMarkovModelParameters Parameters => _parameters;

    /// <summary>Observations absorbed since the last <see cref="Reset"/>.</summary>
    public long Count { get; private set; }

    /// <summary>ln p(x₁..xₜ) accumulated since the last <see cref="Reset"/>, in nats.</summary>
    public double LogLikelihood { get; private set; }

    /// <summary>P(sₜ = j | x₁..xₜ) after the last update (the initial distribution before any).</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>The state with the highest filtered probability (lowest index on ties).</summary>
    public int MostLikelyState
    {
        get
        {
            var best = 0;
            for (var j = 1; j < _probabilities.Length; j++)
            {
                if (_probabilities[j] > _probabilities[best])
                {
                    best = j;
                }
            }

            return best;
        }
    }

    /// <summary>Absorbs one univariate observation (the model must have dimension 1).</summary>
    public void Update(double observation) => Update(new ReadOnlySpan<double>(in observation));

    /// <summary>Absorbs one observation of the model's dimension.</summary>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> for a wrong length or a non-finite value (the state is unchanged);
    /// <see cref="MarketMakingErrorKind.NumericalInstability"/> if every state gives the observation zero density.
    /// </exception>
    public void Update(ReadOnlySpan<double> observation)
    {
        var d = _parameters.Dimension;
        if (observation.Length != d)
        {
            throw Guard.Invalid(nameof(observation), $"must have {d} components, got {observation.Length}");
        }

        Guard.AllFinite(observation, nameof(observation));
        var emissions = _parameters.EmissionArray;
        for (var j = 0; j < emissions.Length; j++)
        {
            _logLikelihoods[j] = emissions[j].LogDensity(observation, _scratch);
        }

        var k = _probabilities.Length;
        var predicted = _scratch.AsSpan(0, k);
        if (Count == 0 && !_restored)
        {
            _probabilities.CopyTo(predicted);
        }
        else
        {
            ForwardBackward.Predict(_probabilities, _parameters.TransitionArray, predicted);
        }

        var scale = ForwardBackward.Correct(predicted, _logLikelihoods, _scaledLikelihoods, out var shift);
        predicted.CopyTo(_probabilities);
        LogLikelihood += Math.Log(scale) + shift;
        Count++;
    }

    /// <summary>
    /// Continues from saved filtered probabilities (e.g. <see cref="State.MarketMakingState.RegimeProbabilities"/> after a
    /// restart): the next <see cref="Update(double)"/> predicts from them exactly as the saved filter would have.
    /// <see cref="Count"/> and <see cref="LogLikelihood"/> restart at 0.
    /// </summary>
    /// <param name="probabilities">One probability per state, each in [0, 1], summing to 1 (within 1e-9).</param>
    public void Restore(ReadOnlySpan<double> probabilities)
    {
        if (probabilities.Length != _probabilities.Length)
        {
            throw Guard.Invalid(nameof(probabilities), $"must have {_probabilities.Length} entries (one per state), got {probabilities.Length}");
        }

        var sum = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            sum += Guard.InRange(probabilities[i], 0, 1, $"{nameof(probabilities)}[{i}]");
        }

        if (Math.Abs(sum - 1.0) > 1e-9)
        {
            throw Guard.Invalid(nameof(probabilities), $"must sum to 1, got {sum}");
        }

        probabilities.CopyTo(_probabilities);
        Count = 0;
        LogLikelihood = 0;
        _restored = true;
    }

    /// <summary>Forgets all observations: probabilities return to the initial distribution.</summary>
    public void Reset()
    {
        _parameters.InitialArray.CopyTo(_probabilities, 0);
        _restored = false;
        Count = 0;
        LogLikelihood = 0;
    }
}
