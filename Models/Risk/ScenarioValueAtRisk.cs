using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Value at risk, expected shortfall and their Euler allocation from a set of N return scenarios with probability weights:
/// the common last step of historical, age-weighted, filtered historical and Monte Carlo VaR (Jorion 2007, "Value at
/// Risk", 3rd ed., ch. 10 and 12). Scenario j's loss is Lⱼ = −Σᵢ eᵢ·Rⱼᵢ (exposures eᵢ in currency, scenario returns Rⱼᵢ).
/// <para>
/// Quantile rule (pessimistic, no interpolation): sort the losses from the largest down, L₍₁₎ ≥ L₍₂₎ ≥ …, with weights
/// w₍ⱼ₎ and tail weights Wₖ = Σ_{j≤k} w₍ⱼ₎; VaR_α = L₍ₖ₎ for the smallest k with Wₖ ≥ 1 − α (up to 1e-9 of one
/// equal-weight scenario for the rounding of 1 − α), i.e. the least loss among the worst scenarios that carry at least
/// 1 − α of the probability. With equal weights k = ⌈N(1 − α)⌉: the 10th largest of 1,000 losses at 99 %, the 3rd of 250.
/// </para>
/// <para>
/// ES_α = [Σ_{j&lt;k} w₍ⱼ₎L₍ⱼ₎ + (1 − α − Wₖ₋₁)·L₍ₖ₎]/(1 − α): the probability-weighted mean of the worst 1 − α of the
/// scenario distribution with the quantile scenario counted for the part of its weight inside the tail (Acerbi &amp;
/// Tasche 2002, "On the coherence of expected shortfall", J. Banking &amp; Finance 26(7), §2), so ES ≥ VaR.
/// </para>
/// <para>
/// Euler components (Tasche 1999; for scenarios Hallerbach 2003, "Decomposing portfolio value-at-risk: a general analysis",
/// J. Risk 5(2)): component VaRᵢ = eᵢ·∂VaR/∂eᵢ = E[−eᵢRᵢ | L = VaR]. The conditional expectation is estimated by the
/// weighted mean of the loss contributions over the scenarios ranked k − m … k + m with m = ⌊√k⌋ (a window that widens
/// with the tail's size), ℓ̄ᵢ = mean of −Rⱼᵢ; the window's mean loss L̄ = Σᵢ eᵢℓ̄ᵢ differs from VaR by the window's
/// asymmetry, so marginal VaRᵢ = ℓ̄ᵢ·VaR/L̄ and component VaRᵢ = eᵢ·marginalᵢ, which sum to VaR exactly. When VaR ≤ 0 or
/// L̄ ≤ 0 the window cannot be rescaled and the quantile scenario's own contributions −R₍ₖ₎ᵢ are used (the exact
/// derivative of the scenario quantile, which also sums to VaR).
/// </para>
/// The instance keeps its sort buffers: after the first call with the largest N it allocates nothing.
/// </summary>
public sealed class ScenarioValueAtRisk
{
    private double[] _pnl = Array.Empty<double>();
    private int[] _order = Array.Empty<int>();

    /// <summary>The fewest scenarios a tail of probability 1 − α needs: ⌈1/(1 − α)⌉, so at least one whole scenario lies in it.</summary>
    public static int MinimumScenarios(double confidence) => (int)Math.Ceiling((1 / (1 - confidence)) - 1e-9);

    /// <summary>Computes VaR and ES of the scenario losses and the per-asset marginal and component VaR.</summary>
    /// <param name="exposures">e, n position values in currency (signed).</param>
    /// <param name="returns">N × n row-major scenario returns over the horizon.</param>
    /// <param name="weights">N probability weights (≥ 0, summing to 1), or empty for equal weights 1/N.</param>
    /// <param name="confidence">α ∈ (0, 1).</param>
    /// <param name="marginal">Destination (n) for ∂VaR/∂eᵢ (currency per currency of exposure).</param>
    /// <param name="components">Destination (n) for eᵢ·∂VaR/∂eᵢ (currency); they sum to VaR.</param>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for mismatched lengths, non-finite input, bad weights, α outside (0, 1), or fewer than
    /// <see cref="MinimumScenarios"/> scenarios.
    /// </exception>
    public ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReadOnlySpan<double> returns,
        ReadOnlySpan<double> weights,
        double confidence,
        Span<double> marginal,
        Span<double> components) =>
        Compute(exposures, returns, weights, confidence, marginal, components, Span<double>.Empty);

    /// <summary>
    /// <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double}, Span{double})"/>,
    /// and the Euler components of ES (Tasche 2002, "Expected shortfall and beyond", J. Banking &amp; Finance 26): component
    /// ESᵢ = E[−eᵢRᵢ | tail], the tail mean of asset i's loss contributions with the scenarios' weights (the quantile
    /// scenario for its share of 1 − α), which sum to ES.
    /// </summary>
    /// <param name="exposures">e, n position values in currency (signed).</param>
    /// <param name="returns">N × n row-major scenario returns over the horizon.</param>
    /// <param name="weights">N probability weights (≥ 0, summing to 1), or empty for equal weights 1/N.</param>
    /// <param name="confidence">α ∈ (0, 1).</param>
    /// <param name="marginal">Destination (n) for ∂VaR/∂eᵢ (currency per currency of exposure).</param>
    /// <param name="components">Destination (n) for eᵢ·∂VaR/∂eᵢ (currency); they sum to VaR.</param>
    /// <param name="expectedShortfallComponents">Destination (n) for the ES components, currency; empty: not computed.</param>
    public ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReadOnlySpan<double> returns,
        ReadOnlySpan<double> weights,
        double confidence,
        Span<double> marginal,
        Span<double> components,
        Span<double> expectedShortfallComponents)
    {
        CheckValues(exposures, returns, weights);
        return ComputeChecked(exposures, returns, weights, confidence, marginal, components, expectedShortfallComponents);
    }

    /// <summary>
    /// <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double}, Span{double}, Span{double})"/> for callers whose exposures, returns and weights are already validated (a
    /// <see cref="ReturnHistory"/>, generated scenarios): only the shapes and the scenario count are checked.
    /// </summary>
    internal ValueAtRiskEstimate ComputeChecked(
        ReadOnlySpan<double> exposures,
        ReadOnlySpan<double> returns,
        ReadOnlySpan<double> weights,
        double confidence,
        Span<double> marginal,
        Span<double> components,
        Span<double> expectedShortfallComponents)
    {
        var n = exposures.Length;
        var scenarios = CheckShape(exposures, returns, weights, confidence, marginal, components);
        if (!expectedShortfallComponents.IsEmpty && expectedShortfallComponents.Length != n)
        {
            throw Guard.Invalid(nameof(expectedShortfallComponents), $"must hold {n} entries (or none)");
        }

        EnsureCapacity(scenarios);
        var pnl = _pnl.AsSpan(0, scenarios);
        var order = _order.AsSpan(0, scenarios);
        for (var j = 0; j < scenarios; j++)
        {
            var row = returns.Slice(j * n, n);
            var value = 0.0;
            for (var i = 0; i < n; i++)
            {
                value += exposures[i] * row[i];
            }

            pnl[j] = value;
            order[j] = j;
        }

        var tail = 1 - confidence;
        var equal = weights.IsEmpty;
        var equalWeight = 1.0 / scenarios;

        // Sort only the worst K scenarios (smallest P&L first); widen K until the tail and the component window fit.
        var sorted = 0;
        var k = 0;
        var window = 0;
        var count = equal ? Math.Max(1, (int)Math.Ceiling((scenarios * tail) - 1e-9)) : Math.Min(scenarios, MinimumScenarios(confidence));
        while (true)
        {
            var wanted = Math.Min(scenarios, count + (int)Math.Sqrt(count) + 1);
            if (wanted > sorted)
            {
                SelectSmallest(pnl, order, wanted);
                pnl[..wanted].Sort(order[..wanted]);
                sorted = wanted;
            }

            k = equal ? count : TailCount(weights, order[..sorted], tail, equalWeight);
            if (k == 0 && sorted == scenarios)
            {
                k = scenarios; // only rounding of Σw = 1 can leave the whole set short of 1 − α
            }

            if (k == 0)
            {
                count = Math.Min(scenarios, 2 * sorted);
                continue;
            }

            window = (int)Math.Sqrt(k);
            if (k + window <= sorted || sorted == scenarios)
            {
                break;
            }

            count = Math.Min(scenarios, 2 * sorted);
        }

        // VaR, ES (losses = −P&L).
        var valueAtRisk = -pnl[k - 1];
        var before = 0.0;
        var weightBefore = 0.0;
        for (var j = 0; j < k - 1; j++)
        {
            var w = equal ? equalWeight : weights[order[j]];
            before -= w * pnl[j];
            weightBefore += w;
        }

        var expectedShortfall = (before + ((tail - weightBefore) * valueAtRisk)) / tail;
        if (!expectedShortfallComponents.IsEmpty)
        {
            // the same tail mean per asset: Σᵢ of it is (before + (1 − α − W)·VaR)/(1 − α) = ES
            expectedShortfallComponents.Clear();
            for (var j = 0; j < k; j++)
            {
                var w = j < k - 1 ? (equal ? equalWeight : weights[order[j]]) : tail - weightBefore;
                var row = returns.Slice(order[j] * n, n);
                for (var i = 0; i < n; i++)
                {
                    expectedShortfallComponents[i] -= w * exposures[i] * row[i] / tail;
                }
            }
        }

        Allocate(exposures, returns, weights, order[..sorted], k, window, valueAtRisk, equalWeight, marginal, components);
        // Every L₍ⱼ₎ (j < k) is ≥ VaR, so ES ≥ VaR; the max only absorbs the last bit of rounding.
        return new ValueAtRiskEstimate(valueAtRisk, Math.Max(expectedShortfall, valueAtRisk));
    }

    private static void Allocate(
        ReadOnlySpan<double> exposures,
        ReadOnlySpan<double> returns,
        ReadOnlySpan<double> weights,
        ReadOnlySpan<int> order,
        int k,
        int window,
        double valueAtRisk,
        double equalWeight,
        Span<double> marginal,
        Span<double> components)
    {
        var n = exposures.Length;
        var first = Math.Max(0, k - 1 - window);
        var last = Math.Min(order.Length - 1, k - 1 + window);
        marginal.Clear();
        var totalWeight = 0.0;
        for (var p = first; p <= last; p++)
        {
            var w = weights.IsEmpty ? equalWeight : weights[order[p]];
            var row = returns.Slice(order[p] * n, n);
            for (var i = 0; i < n; i++)
            {
                marginal[i] -= w * row[i];
            }

            totalWeight += w;
        }

        var windowLoss = 0.0;
        for (var i = 0; i < n; i++)
        {
            marginal[i] = totalWeight > 0 ? marginal[i] / totalWeight : 0;
            windowLoss += exposures[i] * marginal[i];
        }

        if (valueAtRisk > 0 && windowLoss > 0)
        {
            var scale = valueAtRisk / windowLoss;
            for (var i = 0; i < n; i++)
            {
                marginal[i] *= scale;
            }
        }
        else
        {
            var quantile = returns.Slice(order[k - 1] * n, n);
            for (var i = 0; i < n; i++)
            {
                marginal[i] = -quantile[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            components[i] = exposures[i] * marginal[i];
        }
    }

    /// <summary>The smallest k with Wₖ ≥ 1 − α among the sorted scenarios, or 0 when they do not carry enough weight.</summary>
    private static int TailCount(ReadOnlySpan<double> weights, ReadOnlySpan<int> sortedOrder, double tail, double equalWeight)
    {
        var cumulative = 0.0;
        var tolerance = 1e-9 * equalWeight;
        for (var j = 0; j < sortedOrder.Length; j++)
        {
            cumulative += weights[sortedOrder[j]];
            if (cumulative >= tail - tolerance)
            {
                return j + 1;
            }
        }

        return 0;
    }

    /// <summary>Partially orders <paramref name="keys"/> (with their items) so the first <paramref name="count"/> are the smallest (Hoare's FIND).</summary>
    private static void SelectSmallest(Span<double> keys, Span<int> items, int count)
    {
        var target = count - 1;
        var lo = 0;
        var hi = keys.Length - 1;
        while (hi > lo)
        {
            var mid = lo + ((hi - lo) / 2);
            var pivot = MedianOfThree(keys[lo], keys[mid], keys[hi]);
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            if (target <= j)
            {
                hi = j;
            }
            else if (target >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));

    private void EnsureCapacity(int scenarios)
    {
        if (_pnl.Length < scenarios)
        {
            _pnl = new double[scenarios];
            _order = new int[scenarios];
        }
    }

    private static void CheckValues(ReadOnlySpan<double> exposures, ReadOnlySpan<double> returns, ReadOnlySpan<double> weights)
    {
        Guard.AllFinite(exposures, nameof(exposures));
        Guard.AllFinite(returns, nameof(returns));
        var sum = 0.0;
        for (var j = 0; j < weights.Length; j++)
        {
            sum += Guard.NonNegative(weights[j], nameof(weights));
        }

        if (!weights.IsEmpty && Math.Abs(sum - 1) > 1e-9)
        {
            throw Guard.Invalid(nameof(weights), $"must sum to 1, got {sum}");
        }
    }

    private static int CheckShape(
        ReadOnlySpan<double> exposures,
        ReadOnlySpan<double> returns,
        ReadOnlySpan<double> weights,
        double confidence,
        Span<double> marginal,
        Span<double> components)
    {
        var n = exposures.Length;
        if (n == 0)
        {
            throw Guard.Invalid(nameof(exposures), "must hold at least one asset");
        }

        Guard.Finite(confidence, nameof(confidence));
        if (!(confidence > 0 && confidence < 1))
        {
            throw Guard.Invalid(nameof(confidence), $"must be in (0, 1), got {confidence}");
        }

        if (returns.Length % n != 0)
        {
            throw Guard.Invalid(nameof(returns), $"must hold n = {n} returns per scenario, got {returns.Length} values");
        }

        var scenarios = returns.Length / n;
        var minimum = MinimumScenarios(confidence);
        if (scenarios < minimum)
        {
            throw Guard.Invalid(nameof(returns), $"too few scenarios for a {confidence} tail: need at least {minimum}, got {scenarios}");
        }

        if (!weights.IsEmpty && weights.Length != scenarios)
        {
            throw Guard.Invalid(nameof(weights), $"must hold one weight per scenario ({scenarios}), got {weights.Length}");
        }

        if (marginal.Length != n || components.Length != n)
        {
            throw Guard.Invalid(marginal.Length != n ? nameof(marginal) : nameof(components), $"must hold {n} entries");
        }

        return scenarios;
    }
}
