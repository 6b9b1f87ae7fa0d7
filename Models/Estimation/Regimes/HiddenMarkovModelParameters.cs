using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// An immutable K-state Gaussian hidden Markov model (Rabiner 1989, "A tutorial on hidden Markov models", Proc. IEEE 77,
/// §III: λ = (A, B, π)): initial distribution πᵢ = P(s₁ = i), transition matrix Aᵢⱼ = P(sₜ₊₁ = j | sₜ = i) per
/// observation step, and one <see cref="GaussianEmission"/> per state, all of the same dimension.
/// </summary>
public sealed class HiddenMarkovModelParameters
{
    /// <summary>How far a probability vector may sum from 1 and still be accepted.</summary>
    internal const double SumTolerance = 1e-9;

    private readonly double[] _initial;
    private readonly double[] _transition;
    private readonly GaussianEmission[] _emissions;

    /// <summary>Validates and copies the parameters.</summary>
    /// <param name="initialDistribution">π, length K ≥ 1, non-negative, summing to 1.</param>
    /// <param name="transitionMatrix">A, K×K, rows non-negative and summing to 1.</param>
    /// <param name="emissions">K emission laws of one common dimension.</param>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidParameters"/> naming the faulty input.</exception>
    public HiddenMarkovModelParameters(double[] initialDistribution, double[,] transitionMatrix, IReadOnlyList<GaussianEmission> emissions)
    {
        ArgumentNullException.ThrowIfNull(initialDistribution);
        ArgumentNullException.ThrowIfNull(transitionMatrix);
        ArgumentNullException.ThrowIfNull(emissions);
        var k = initialDistribution.Length;
        if (k == 0)
        {
            throw Guard.Invalid(nameof(initialDistribution), "must have at least one state");
        }

        if (transitionMatrix.GetLength(0) != k || transitionMatrix.GetLength(1) != k)
        {
            throw Guard.Invalid(nameof(transitionMatrix), $"must be {k}x{k}, got {transitionMatrix.GetLength(0)}x{transitionMatrix.GetLength(1)}");
        }

        if (emissions.Count != k)
        {
            throw Guard.Invalid(nameof(emissions), $"must hold {k} emission laws, got {emissions.Count}");
        }

        _initial = (double[])initialDistribution.Clone();
        ValidateDistribution(_initial, nameof(initialDistribution));
        _transition = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                _transition[i * k + j] = transitionMatrix[i, j];
            }

            ValidateDistribution(_transition.AsSpan(i * k, k), $"{nameof(transitionMatrix)}[{i},*]");
        }

        _emissions = new GaussianEmission[k];
        for (var i = 0; i < k; i++)
        {
            _emissions[i] = emissions[i] ?? throw Guard.Invalid($"{nameof(emissions)}[{i}]", "must not be null");
            if (_emissions[i].Dimension != _emissions[0].Dimension)
            {
                throw Guard.Invalid($"{nameof(emissions)}[{i}]", $"has dimension {_emissions[i].Dimension}, expected {_emissions[0].Dimension}");
            }
        }
    }

    /// <summary>Number of hidden states K.</summary>
    public int StateCount => _initial.Length;

    /// <summary>Dimension d of one observation.</summary>
    public int Dimension => _emissions[0].Dimension;

    /// <summary>Initial distribution π.</summary>
    public IReadOnlyList<double> InitialDistribution => _initial;

    /// <summary>Emission law of each state.</summary>
    public IReadOnlyList<GaussianEmission> Emissions => _emissions;

    /// <summary>Transition probability Aᵢⱼ = P(next state j | current state i), per observation step.</summary>
    /// <exception cref="MarketMakingException">InvalidParameters naming the state index that is not in [0, K).</exception>
    public double Transition(int from, int to) => _transition[State(from, nameof(from)) * StateCount + State(to, nameof(to))];

    /// <summary>Expected stay in state <paramref name="state"/>, 1/(1 − Aᵢᵢ), in observation steps (∞ for an absorbing state).</summary>
    /// <exception cref="MarketMakingException">InvalidParameters when <paramref name="state"/> is not in [0, K).</exception>
    public double ExpectedDuration(int state) => 1.0 / (1.0 - _transition[State(state, nameof(state)) * (StateCount + 1)]);

    private int State(int index, string name) =>
        (uint)index < (uint)StateCount ? index : throw Guard.Invalid(name, $"must be a state in [0, {StateCount - 1}], got {index}");

    /// <summary>A copy of the parameters with the states reordered: new state i is old state <paramref name="order"/>[i].</summary>
    public HiddenMarkovModelParameters Permute(IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var k = StateCount;
        if (order.Count != k)
        {
            throw Guard.Invalid(nameof(order), $"must list {k} states, got {order.Count}");
        }

        var seen = new bool[k];
        foreach (var o in order)
        {
            if (o < 0 || o >= k || seen[o])
            {
                throw Guard.Invalid(nameof(order), "must be a permutation of 0..K-1");
            }

            seen[o] = true;
        }

        var initial = new double[k];
        var transition = new double[k, k];
        var emissions = new GaussianEmission[k];
        for (var i = 0; i < k; i++)
        {
            initial[i] = _initial[order[i]];
            emissions[i] = _emissions[order[i]];
            for (var j = 0; j < k; j++)
            {
                transition[i, j] = Transition(order[i], order[j]);
            }
        }

        return new HiddenMarkovModelParameters(initial, transition, emissions);
    }

    /// <summary>π as a flat array (shared, do not modify).</summary>
    internal double[] InitialArray => _initial;

    /// <summary>Emission laws as an array (shared, do not modify).</summary>
    internal GaussianEmission[] EmissionArray => _emissions;

    /// <summary>A as a row-major K×K array (shared, do not modify).</summary>
    internal double[] TransitionArray => _transition;

    /// <summary>Checks a probability vector: entries in [0, 1] and sum within <see cref="SumTolerance"/> of 1.</summary>
    internal static void ValidateDistribution(ReadOnlySpan<double> p, string name)
    {
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            Guard.InRange(p[i], 0.0, 1.0, $"{name}[{i}]");
            sum += p[i];
        }

        if (Math.Abs(sum - 1.0) > SumTolerance)
        {
            throw Guard.Invalid(name, $"must sum to 1, sums to {sum}");
        }
    }
}
