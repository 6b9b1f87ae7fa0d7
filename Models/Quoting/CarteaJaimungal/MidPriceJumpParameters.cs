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
    /// <exception cref="MarketMakingException">Kind <see cref="MarketMakingErrorKind.InvalidParameters"/> naming the bad parameter.</exception>
    public MidPriceJumpParameters(
        double jumpIntensity,
        double upwardJumpProbability,
        double upwardJumpRate,
        double downwardJumpRate,
        double marketOrderJumpProbability,
        double buyOrderJumpSize,
        double sellOrderJumpSize,
        double jumpRiskAversion = 0)
    {
        JumpIntensity = Guard.NonNegative(jumpIntensity, nameof(jumpIntensity));
        UpwardJumpProbability = Guard.InRange(upwardJumpProbability, 0, 1, nameof(upwardJumpProbability));
        UpwardJumpRate = Guard.Positive(upwardJumpRate, nameof(upwardJumpRate));
        DownwardJumpRate = Guard.Positive(downwardJumpRate, nameof(downwardJumpRate));
        MarketOrderJumpProbability = Guard.InRange(marketOrderJumpProbability, 0, 1, nameof(marketOrderJumpProbability));
        BuyOrderJumpSize = Guard.NonNegative(buyOrderJumpSize, nameof(buyOrderJumpSize));
        SellOrderJumpSize = Guard.NonNegative(sellOrderJumpSize, nameof(sellOrderJumpSize));
        JumpRiskAversion = Guard.NonNegative(jumpRiskAversion, nameof(jumpRiskAversion));
    }

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
