using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Monte Carlo value at risk (Jorion 2007, "Value at Risk", 3rd ed., ch. 12; Glasserman 2003, "Monte Carlo Methods in
/// Financial Engineering", §2.3.3 and §9.1): N scenarios of the h-period returns R = √h·C·Z (+ jumps), Z ~ N(0, I),
/// C the lower Cholesky factor of the per-period covariance Σ = CCᵀ (MathNet), i.e. N(0, hΣ): the sum of h independent
/// normal periods, mean zero as in <see cref="NormalValueAtRisk"/>, to which it converges. Optional independent
/// compensated jumps per asset (<see cref="MonteCarloJumps"/>). Seeded: the same seed draws the same scenarios at every
/// call (common random numbers, so two portfolios' VaRs differ by their exposures, not by noise). Quantile, ES and
/// Euler components: <see cref="ScenarioValueAtRisk"/>. The scenario buffer (N·n) is kept between calls.
/// </summary>
public sealed class MonteCarloValueAtRisk
{
    private readonly ScenarioValueAtRisk _scenarios = new();
    private double[] _returns = Array.Empty<double>();
    private double[] _factor = Array.Empty<double>();

    /// <summary>Creates the calculator.</summary>
    /// <param name="scenarioCount">N, number of scenarios (≥ 1; at least ⌈1/(1 − α)⌉ at use).</param>
    /// <param name="seed">Seed of the random numbers.</param>
    /// <param name="jumps">Optional mid-price jumps (one entry per asset), or null for pure Gaussian scenarios.</param>
    /// <exception cref="MarketMakingException">InvalidParameters for N &lt; 1.</exception>
    public MonteCarloValueAtRisk(int scenarioCount, int seed, MonteCarloJumps? jumps = null)
    {
        ScenarioCount = Guard.Positive(scenarioCount, nameof(scenarioCount));
        Seed = seed;
        Jumps = jumps;
    }

    /// <summary>Number of scenarios N.</summary>
    public int ScenarioCount { get; }

    /// <summary>Seed of the random numbers.</summary>
    public int Seed { get; }

    /// <summary>Jumps added to the Gaussian scenarios, or null.</summary>
    public MonteCarloJumps? Jumps { get; }

    /// <summary>Computes VaR, ES and the per-asset marginal and component VaR of <paramref name="exposures"/>.</summary>
    /// <param name="exposures">e, n position values in currency (signed).</param>
    /// <param name="covariance">Σ, n × n row-major covariance of the period simple returns, positive definite.</param>
    /// <param name="parameters">Confidence and horizon.</param>
    /// <param name="marginal">Destination (n) for ∂VaR/∂eᵢ.</param>
    /// <param name="components">Destination (n) for eᵢ·∂VaR/∂eᵢ; they sum to VaR.</param>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for mismatched lengths, non-finite input or too few scenarios;
    /// CorrelationMatrixNotPositiveDefinite when Σ has no Cholesky factor.
    /// </exception>
    public ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReadOnlySpan<double> covariance,
        ValueAtRiskParameters parameters,
        Span<double> marginal,
        Span<double> components) =>
        Compute(exposures, covariance, parameters, marginal, components, Span<double>.Empty);

    /// <summary>
    /// <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ValueAtRiskParameters, Span{double}, Span{double})"/>, and the Euler components of ES, which sum to ES
    /// (<see cref="ScenarioValueAtRisk.Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double}, Span{double}, Span{double})"/>).
    /// </summary>
    /// <param name="exposures">e, n position values in currency (signed).</param>
    /// <param name="covariance">Σ, n × n row-major covariance of the period simple returns.</param>
    /// <param name="parameters">Confidence and horizon.</param>
    /// <param name="marginal">Destination (n) for ∂VaR/∂eᵢ.</param>
    /// <param name="components">Destination (n) for eᵢ·∂VaR/∂eᵢ; they sum to VaR.</param>
    /// <param name="expectedShortfallComponents">Destination (n) for the ES components, currency; empty: not computed.</param>
    public ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReadOnlySpan<double> covariance,
        ValueAtRiskParameters parameters,
        Span<double> marginal,
        Span<double> components,
        Span<double> expectedShortfallComponents)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var n = exposures.Length;
        if (n == 0 || covariance.Length != n * n)
        {
            throw Guard.Invalid(nameof(covariance), $"must be {n} x {n} ({n * n} entries), got {covariance.Length}");
        }

        Guard.AllFinite(exposures, nameof(exposures));
        Guard.AllFinite(covariance, nameof(covariance));
        if (Jumps is not null && Jumps.Assets != n)
        {
            throw Guard.Invalid("jumps", $"must describe {n} assets, got {Jumps.Assets}");
        }

        var minimum = ScenarioValueAtRisk.MinimumScenarios(parameters.Confidence);
        if (ScenarioCount < minimum)
        {
            throw Guard.Invalid("scenarioCount", $"too few scenarios for a {parameters.Confidence} tail: need at least {minimum}, got {ScenarioCount}");
        }

        Factor(covariance, n);
        Generate(n, parameters.HorizonPeriods);
        return _scenarios.ComputeChecked(exposures, _returns, ReadOnlySpan<double>.Empty, parameters.Confidence, marginal, components, expectedShortfallComponents);
    }

    /// <summary>
    /// Fills <paramref name="values"/> with independent N(0, 1) draws by the polar method (Marsaglia &amp; Bray 1964), in
    /// place: MathNet's <c>Normal.Samples</c> draws its uniforms into a new array of 1.27× the length first.
    /// </summary>
    private static void FillStandardNormal(Span<double> values, Random random)
    {
        for (var j = 0; j < values.Length; j += 2)
        {
            double u, v, s;
            do
            {
                u = (2 * random.NextDouble()) - 1;
                v = (2 * random.NextDouble()) - 1;
                s = (u * u) + (v * v);
            }
            while (s >= 1 || s == 0);

            var factor = Math.Sqrt(-2 * Math.Log(s) / s);
            values[j] = u * factor;
            if (j + 1 < values.Length)
            {
                values[j + 1] = v * factor;
            }
        }
    }

    private void Factor(ReadOnlySpan<double> covariance, int n)
    {
        Matrix<double> factor;
        try
        {
            factor = Matrix<double>.Build.DenseOfRowMajor(n, n, covariance.ToArray()).Cholesky().Factor;
        }
        catch (ArgumentException e)
        {
            // MathNet's Cholesky reports a non-positive pivot as an ArgumentException.
            throw new MarketMakingException(
                MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite, "has no Cholesky factor (not positive definite)", nameof(covariance), e);
        }

        if (_factor.Length != n * n)
        {
            _factor = new double[n * n];
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                _factor[(i * n) + j] = factor[i, j];
            }
        }
    }

    private void Generate(int n, int horizon)
    {
        if (_returns.Length != ScenarioCount * n)
        {
            _returns = new double[ScenarioCount * n];
        }

        var random = new Random(Seed);
        FillStandardNormal(_returns, random);
        var scale = Math.Sqrt(horizon);
        for (var j = 0; j < ScenarioCount; j++)
        {
            var row = _returns.AsSpan(j * n, n);

            // row ← √h·C·row, in place from the last asset down (xᵢ needs z₀ … zᵢ, not yet overwritten)
            for (var i = n - 1; i >= 0; i--)
            {
                var factorRow = _factor.AsSpan(i * n, i + 1);
                var value = 0.0;
                for (var k = 0; k <= i; k++)
                {
                    value += factorRow[k] * row[k];
                }

                row[i] = scale * value;
            }

            Jumps?.Add(row, random, horizon);
        }
    }
}
