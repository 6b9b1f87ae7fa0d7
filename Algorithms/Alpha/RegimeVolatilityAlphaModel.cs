using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Regimes;
using QuantConnect;
using QuantConnect.Algorithm.Framework.Alphas;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// Alpha model emitting LEAN volatility insights (<see cref="InsightType.Volatility"/>) from the volatility regime and the
/// jump state: the mid is sampled every <see cref="SampledMidAlphaModel.SampleInterval"/> (the step of the regime model),
/// the regime is filtered by the forward recursion of a univariate Gaussian hidden Markov model of one-step log-returns
/// (Hamilton 1989, Econometrica 57; Rabiner 1989, Proc. IEEE 77, eqs. 19–20; <see cref="HiddenMarkovModelFilter"/>), and
/// jumps are detected by the Lee &amp; Mykland (2008) test with exponentially weighted memory (optional).
/// </summary>
/// <remarks>
/// <para><b>Prediction</b> (<see cref="RegimeVolatilityForecast"/>). With p the filtered regime probabilities, mⱼ the
/// second moment of a step's log-return in regime j, A the transition matrix, h = T/Δ the insight period in steps and
/// q = λE[r²]·Δ the jump variance per step (<c>WeightedJumpActivity.VariancePerSecond</c>·Δ), the predicted relative
/// change of the volatility over the period versus the current one is ρ = √((p·g + q)/(p·m + q)) − 1 with
/// g = (1/h)Σₖ₌₁..ₕ Aᵏm: the regime mix reverts towards its stationary law, so a filter sure of the volatile regime
/// predicts falling volatility, and of the calm one rising volatility.</para>
/// <para><b>Insight.</b> Direction Up when ρ &gt; 0, Down when ρ &lt; 0; magnitude |ρ| (a fraction of the current
/// volatility: 0.1 means 10% higher or lower; LEAN documents the magnitude as the predicted percent change of the
/// insight type); confidence = the filtered probability that the current regime implies that direction
/// (<see cref="RegimeVolatilityForecast.Agreement"/>). A view becomes directional when |ρ| ≥ <see cref="Threshold"/> and
/// stays so while ρ keeps its sign and |ρ| ≥ <see cref="Threshold"/>/2 (hysteresis: the filtered probabilities are
/// noisy, and without it a view hovering at the threshold flips at every sample; <see cref="ViewDirection"/>);
/// emission (<c>InsightThrottle</c>): on a direction change (a fading view emits one Flat insight, magnitude 0, no
/// confidence) and otherwise at most once per period.</para>
/// <para><b>Jumps and regimes.</b> A return the test flags as a jump is not fed to the regime filter: its variance is
/// counted by q instead, so one jump neither switches the regime nor is counted twice. The regime model should then be
/// fitted on returns without their jumps (e.g. after removing the returns <c>LeeMyklandTest</c> flags).</para>
/// <para><b>Market closes.</b> The return across a close (an overnight gap) is not a one-step return of the regime
/// model: it is fed neither to the filter nor to the jump test, and the view at the open is the view at the close.</para>
/// <para><b>Use.</b> The market-making portfolio construction model reads price insights only (<c>InsightSignals</c>); these
/// are for other LEAN consumers (volatility-aware sizing, option or risk modules) and for diagnostics. LEAN scores a
/// volatility insight against <c>Security.VolatilityModel</c>.</para>
/// <para><b>Costs.</b> Per symbol: K filter probabilities, the jump test's window and the weighted sums; per sample an
/// O(K²) filter update and an O(K) forecast (g is precomputed), no allocation but LEAN's indicator data point and the
/// insight.</para>
/// </remarks>
public class RegimeVolatilityAlphaModel : SampledMidAlphaModel
{
    private readonly Dictionary<Symbol, SymbolRegime> _symbols = new();
    private readonly JumpDetectionSettings? _jumps;

    /// <summary>Creates the model.</summary>
    /// <param name="regimes">A univariate Gaussian HMM of log-returns over one <paramref name="sampleInterval"/>.</param>
    /// <param name="sampleInterval">Step Δ of the regime model, &gt; 0.</param>
    /// <param name="insightPeriod">Horizon T of each insight: a whole number of steps, ≥ 1 second.</param>
    /// <param name="threshold">Smallest |ρ| that makes a directional view, ≥ 0.</param>
    /// <param name="jumps">Jump test and memory; null to feed every return to the regime filter and add no jump variance.</param>
    /// <param name="warmUpReturns">Returns the filter absorbs before any insight (the initial law is forgotten), ≥ 1.</param>
    public RegimeVolatilityAlphaModel(HiddenMarkovModelParameters regimes, TimeSpan sampleInterval, TimeSpan insightPeriod, double threshold,
        JumpDetectionSettings? jumps = null, int warmUpReturns = 20)
        : base(sampleInterval, insightPeriod)
    {
        ArgumentNullException.ThrowIfNull(regimes);
        if (insightPeriod.Ticks % sampleInterval.Ticks != 0)
        {
            throw Guard.Invalid(nameof(insightPeriod), $"must be a whole number of sample intervals ({sampleInterval})");
        }

        Forecast = new RegimeVolatilityForecast(regimes, (int)Math.Min(int.MaxValue, insightPeriod.Ticks / sampleInterval.Ticks));
        Threshold = Guard.NonNegative(threshold, nameof(threshold));
        WarmUpReturns = Guard.Positive(warmUpReturns, nameof(warmUpReturns));
        _jumps = jumps;
        Name = $"{nameof(RegimeVolatilityAlphaModel)}({sampleInterval.TotalSeconds}s,{insightPeriod.TotalSeconds}s,{threshold},{(jumps is null ? "no jumps" : $"{jumps.MemoryHalfLife.TotalSeconds}s")})";
    }

    /// <summary>The regime model's volatility term structure (h = T/Δ steps).</summary>
    public RegimeVolatilityForecast Forecast { get; }

    /// <summary>Smallest |ρ| making a directional view.</summary>
    public double Threshold { get; }

    /// <summary>Returns absorbed before any insight.</summary>
    public int WarmUpReturns { get; }

    /// <summary>Jump test and memory (null: none).</summary>
    public JumpDetectionSettings? Jumps => _jumps;

    /// <summary>The latest predicted relative change ρ of <paramref name="symbol"/>'s volatility (0 before the warm-up).</summary>
    public double ViewOf(Symbol symbol) => _symbols.TryGetValue(symbol, out var state) ? state.View : 0;

    /// <summary>The filtered regime probabilities of <paramref name="symbol"/> (empty before its first sample); a view, not a copy.</summary>
    public ReadOnlySpan<double> ProbabilitiesOf(Symbol symbol) =>
        _symbols.TryGetValue(symbol, out var state) ? state.Filter.Probabilities : ReadOnlySpan<double>.Empty;

    /// <inheritdoc />
    protected override Insight? OnSample(Symbol symbol, in MidSample sample)
    {
        if (!_symbols.TryGetValue(symbol, out var state))
        {
            state = new SymbolRegime(new HiddenMarkovModelFilter(Forecast.Parameters), _jumps is null ? null : new JumpTracker(_jumps, ClockOf(symbol)));
            _symbols[symbol] = state;
        }

        state.Jumps?.Update(sample.LocalTime, sample.Mid);
        var logPrice = Math.Log((double)sample.Mid);
        var logReturn = logPrice - state.LastLogPrice;
        state.LastLogPrice = logPrice;
        if (double.IsNaN(logReturn))
        {
            return null;
        }

        if (!sample.CrossesClose && state.Jumps is not { IsJump: true })
        {
            try
            {
                state.Filter.Update(logReturn);
            }
            catch (MarketMakingException)
            {
                // every regime gives the return zero density: leave the probabilities as they were
                return null;
            }
        }

        if (state.Filter.Count < WarmUpReturns)
        {
            return null;
        }

        var probabilities = state.Filter.Probabilities;
        var jumpVariance = state.Jumps is null ? 0 : state.Jumps.Activity.VariancePerSecond * SampleInterval.TotalSeconds;
        var change = Forecast.RelativeChange(probabilities, jumpVariance);
        var direction = ViewDirection(change, Threshold, state.Direction);
        var material = direction != InsightDirection.Flat;
        state.View = change;
        state.Direction = direction;
        if (!state.Throttle.Admit(direction, sample.UtcTime, InsightPeriod))
        {
            return null;
        }

        return material
            ? new Insight(symbol, InsightPeriod, InsightType.Volatility, direction, Math.Abs(change), Forecast.Agreement(probabilities, Math.Sign(change)), Name)
            : new Insight(symbol, InsightPeriod, InsightType.Volatility, InsightDirection.Flat, 0, null, Name);
    }

    /// <inheritdoc />
    protected override void Forget(Symbol symbol) => _symbols.Remove(symbol);

    /// <summary>
    /// The view's direction: sign(ρ) when |ρ| ≥ <paramref name="threshold"/>, or when the <paramref name="standing"/> view
    /// has the sign of ρ and |ρ| ≥ <paramref name="threshold"/>/2; Flat otherwise.
    /// </summary>
    internal static InsightDirection ViewDirection(double change, double threshold, InsightDirection standing)
    {
        var direction = change > 0 ? InsightDirection.Up : change < 0 ? InsightDirection.Down : InsightDirection.Flat;
        var magnitude = Math.Abs(change);
        return magnitude >= threshold || (direction == standing && magnitude >= threshold / 2) ? direction : InsightDirection.Flat;
    }

    private sealed class SymbolRegime
    {
        public SymbolRegime(HiddenMarkovModelFilter filter, JumpTracker? jumps)
        {
            Filter = filter;
            Jumps = jumps;
        }

        public HiddenMarkovModelFilter Filter { get; }

        public JumpTracker? Jumps { get; }

        public InsightThrottle Throttle { get; } = new();

        public double LastLogPrice { get; set; } = double.NaN;

        public double View { get; set; }

        public InsightDirection Direction { get; set; } = InsightDirection.Flat;
    }
}
