using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

/// <summary>
/// Immutable, validated description of mid-price jumps for <see cref="CarteaJaimungalModel"/>:
/// <list type="number">
/// <item>exogenous jumps arriving at rate λ_J, upward with probability p; upward sizes Exp(η⁺) and downward sizes
/// Exp(η⁻) (η are rates per price unit, the mean sizes are 1/η);</item>
/// <item>jumps triggered by market orders (adverse selection, Cartea, Jaimungal &amp; Penalva 2015 §10.4): with
/// probability ρ a buy (sell) market order moves the mid up (down) by a random amount of mean ε⁺ (ε⁻).</item>
/// </list>
/// How each enters the closed form is derived in the remarks of <see cref="CarteaJaimungalModel"/>.
/// <para><b>Volatility clustering</b> (the design's <c>volatility_clustering</c>): the exogenous jumps may be
/// self-exciting, a univariate Hawkes process (Hawkes 1971; for jumps, Aït-Sahalia, Cacho-Diaz &amp; Laeven 2015, "Modeling
/// financial contagion using mutually exciting jump processes", J. Financial Economics 117(3)) with intensity
/// λ(t) = μ_J + Σ α_J·β_J·e^(−β_J(t − t_k)) over past jumps t_k: each jump raises the intensity by α_J·β_J, so a jump
/// raises the chance of the next. α_J (<see cref="VolatilityClustering"/>, the branching ratio, &lt; 1) is the mean number
/// of jumps one jump triggers; λ_J is then the stationary mean intensity μ_J/(1 − α_J). Given the current conditional
/// intensity λ_t, the mean intensity path is E[λ(t + u) | λ_t] = λ_J + (λ_t − λ_J)·e^(−β_J(1 − α_J)u)
/// (<see cref="ExpectedJumpIntensity"/>: from dλ = −β_J(λ − μ_J)du + α_Jβ_J dN, taking expectations,
/// dm/du = −β_J(1 − α_J)m + β_Jμ_J).</para>
/// </summary>
public sealed class MidPriceJumpParameters
{
    /// <summary>No jumps at all: the model reduces to CJP §10.2.</summary>
    public static MidPriceJumpParameters None { get; } = new(0, 0.5, 1, 1, 0, 0, 0);

    /// <summary>Creates and validates the jump description.</summary>
    /// <param name="jumpIntensity">λ_J ≥ 0, rate of exogenous mid-price jumps, per time unit.</param>
    /// <param name="upwardJumpProbability">p ∈ [0, 1], probability that an exogenous jump is upward.</param>
    /// <param name="upwardJumpRate">η⁺ &gt; 0, rate (per price unit) of the exponential upward jump size; mean 1/η⁺.</param>
    /// <param name="downwardJumpRate">η⁻ &gt; 0, rate (per price unit) of the exponential downward jump size; mean 1/η⁻.</param>
    /// <param name="marketOrderJumpProbability">ρ ∈ [0, 1], probability that a market order moves the mid in its direction.</param>
    /// <param name="buyOrderJumpSize">ε⁺ ≥ 0, mean upward move of the mid after a buy market order that moves it, price units.</param>
    /// <param name="sellOrderJumpSize">ε⁻ ≥ 0, mean downward move of the mid after a sell market order that moves it, price units.</param>
    /// <param name="jumpRiskAversion">
    /// γ ≥ 0, per price unit: weight with which the jump variance of the marked-to-market inventory is charged through the
    /// running penalty, φ_eff = φ + ½·γ·λ_J·E[Y²] (0 = jumps only shift the drift).
    /// </param>
    /// <param name="volatilityClustering">α_J ∈ [0, 1): branching ratio of self-exciting jumps (0: Poisson jumps).</param>
    /// <param name="clusteringDecayRate">β_J &gt; 0, per time unit: decay rate of a jump's excitation.</param>
    /// <exception cref="MarketMakingException">Kind <see cref="MarketMakingErrorKind.InvalidParameters"/> naming the bad parameter.</exception>
    public MidPriceJumpParameters(
        double jumpIntensity,
        double upwardJumpProbability,
        double upwardJumpRate,
        double downwardJumpRate,
        double marketOrderJumpProbability,
        double buyOrderJumpSize,
        double sellOrderJumpSize,
        double jumpRiskAversion = 0,
        double volatilityClustering = 0,
        double clusteringDecayRate = 1)
    {
        JumpIntensity = Guard.NonNegative(jumpIntensity, nameof(jumpIntensity));
        UpwardJumpProbability = Guard.InRange(upwardJumpProbability, 0, 1, nameof(upwardJumpProbability));
        UpwardJumpRate = Guard.Positive(upwardJumpRate, nameof(upwardJumpRate));
        DownwardJumpRate = Guard.Positive(downwardJumpRate, nameof(downwardJumpRate));
        MarketOrderJumpProbability = Guard.InRange(marketOrderJumpProbability, 0, 1, nameof(marketOrderJumpProbability));
        BuyOrderJumpSize = Guard.NonNegative(buyOrderJumpSize, nameof(buyOrderJumpSize));
        SellOrderJumpSize = Guard.NonNegative(sellOrderJumpSize, nameof(sellOrderJumpSize));
        JumpRiskAversion = Guard.NonNegative(jumpRiskAversion, nameof(jumpRiskAversion));
        VolatilityClustering = Guard.InRange(volatilityClustering, 0, 1, nameof(volatilityClustering)) < 1
            ? volatilityClustering
            : throw Guard.Invalid(nameof(volatilityClustering), "must be < 1 (a stationary jump process)");
        ClusteringDecayRate = Guard.Positive(clusteringDecayRate, nameof(clusteringDecayRate));
    }

    /// <summary>α_J, the branching ratio of self-exciting jumps: mean number of jumps triggered by one jump (0: Poisson).</summary>
    public double VolatilityClustering { get; }

    /// <summary>β_J, decay rate per time unit of a jump's excitation.</summary>
    public double ClusteringDecayRate { get; }

    /// <summary>β_J(1 − α_J), per time unit: the rate at which the expected jump intensity returns to λ_J.</summary>
    public double ClusteringRelaxationRate => ClusteringDecayRate * (1 - VolatilityClustering);

    /// <summary>
    /// The jump arrivals as a univariate Hawkes process (μ_J = λ_J(1 − α_J), α_J, β_J), for
    /// <see cref="Estimation.Hawkes.HawkesIntensityTracker"/> and <see cref="Estimation.Hawkes.HawkesSimulator"/>;
    /// null without jumps (λ_J = 0).
    /// </summary>
    public Estimation.Hawkes.HawkesParameters? JumpArrivals =>
        JumpIntensity > 0
            ? Estimation.Hawkes.HawkesParameters.Univariate(JumpIntensity * (1 - VolatilityClustering), VolatilityClustering, ClusteringDecayRate)
            : null;

    /// <summary>
    /// E[λ(t + u) | λ(t) = <paramref name="currentIntensity"/>] = λ_J + (λ(t) − λ_J)·e^(−β_J(1 − α_J)u), jumps per time unit.
    /// </summary>
    /// <param name="currentIntensity">λ(t), the conditional jump intensity now, per time unit.</param>
    /// <param name="elapsed">u ≥ 0, time units ahead.</param>
    public double ExpectedJumpIntensity(double currentIntensity, double elapsed) =>
        JumpIntensity + ((currentIntensity - JumpIntensity) * Math.Exp(-ClusteringRelaxationRate * elapsed));

    /// <summary>
    /// E[N(t, t + u] | λ(t) = <paramref name="currentIntensity"/>] = λ_J·u + (λ(t) − λ_J)·(1 − e^(−β_J(1 − α_J)u))/(β_J(1 − α_J)),
    /// the expected number of jumps over the next u time units (the integral of <see cref="ExpectedJumpIntensity"/>).
    /// </summary>
    /// <param name="currentIntensity">λ(t), per time unit.</param>
    /// <param name="horizon">u ≥ 0, time units.</param>
    public double ExpectedJumpCount(double currentIntensity, double horizon) =>
        (JumpIntensity * horizon)
        - ((currentIntensity - JumpIntensity) * MathNet.Numerics.SpecialFunctions.Expm1(-ClusteringRelaxationRate * horizon) / ClusteringRelaxationRate);

    /// <summary>λ_J, rate of exogenous jumps per time unit.</summary>
    public double JumpIntensity { get; }

    /// <summary>p, probability that an exogenous jump is upward.</summary>
    public double UpwardJumpProbability { get; }

    /// <summary>η⁺, exponential rate of upward jump sizes, per price unit.</summary>
    public double UpwardJumpRate { get; }

    /// <summary>η⁻, exponential rate of downward jump sizes, per price unit.</summary>
    public double DownwardJumpRate { get; }

    /// <summary>ρ, probability that a market order moves the mid.</summary>
    public double MarketOrderJumpProbability { get; }

    /// <summary>ε⁺, mean mid move (price units) after a buy market order that moves it.</summary>
    public double BuyOrderJumpSize { get; }

    /// <summary>ε⁻, mean mid move (price units, downwards) after a sell market order that moves it.</summary>
    public double SellOrderJumpSize { get; }

    /// <summary>γ, weight (per price unit) of the jump variance in the effective running penalty.</summary>
    public double JumpRiskAversion { get; }

    /// <summary>
    /// Drift of the mid caused by the exogenous jumps, μ_J = λ_J·E[Y] = λ_J·(p/η⁺ − (1−p)/η⁻), price per time unit.
    /// </summary>
    public double ExogenousJumpDrift =>
        JumpIntensity * ((UpwardJumpProbability / UpwardJumpRate) - ((1 - UpwardJumpProbability) / DownwardJumpRate));

    /// <summary>
    /// Variance rate of the exogenous jumps, λ_J·E[Y²] = λ_J·(2p/η⁺² + 2(1−p)/η⁻²), price² per time unit.
    /// </summary>
    public double ExogenousJumpVarianceRate =>
        JumpIntensity * ((2 * UpwardJumpProbability / (UpwardJumpRate * UpwardJumpRate))
                         + (2 * (1 - UpwardJumpProbability) / (DownwardJumpRate * DownwardJumpRate)));

    /// <summary>Addition to the running penalty, ½·γ·λ_J·E[Y²], price per lot² per time unit.</summary>
    public double RunningPenaltyLoading => 0.5 * JumpRiskAversion * ExogenousJumpVarianceRate;

    /// <summary>ρ·ε⁺: expected mid move after a buy market order, the ask-side adverse-selection premium, price units.</summary>
    public double AskAdverseSelection => MarketOrderJumpProbability * BuyOrderJumpSize;

    /// <summary>ρ·ε⁻: expected mid move after a sell market order, the bid-side adverse-selection premium, price units.</summary>
    public double BidAdverseSelection => MarketOrderJumpProbability * SellOrderJumpSize;
}
