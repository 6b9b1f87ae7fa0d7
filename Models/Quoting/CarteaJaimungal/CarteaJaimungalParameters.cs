using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

/// <summary>
/// Immutable, validated parameters of the Cartea–Jaimungal market-making model with running and terminal
/// inventory penalties: Cartea, Jaimungal &amp; Penalva (2015), <i>Algorithmic and High-Frequency Trading</i>,
/// §10.2 (performance criterion with penalties φ and α, Poisson market orders of rates λ±, fill probability
/// e^(−κδ), inventory kept in [−q̄, q̄]).
/// </summary>
/// <remarks>
/// The model's unit of inventory is one lot of <see cref="LotSize"/> units of the asset: every market order
/// that reaches a quote fills exactly one lot, inventories are counted in lots, and the penalties are per lot²
/// (the value function is per lot, in price units). Time is in the unit of <see cref="Horizon"/> and of the rates.
/// </remarks>
public sealed class CarteaJaimungalParameters
{
    /// <summary>Creates and validates the parameters.</summary>
    /// <param name="runningPenalty">Running inventory penalty φ ≥ 0, price per lot² per time unit.</param>
    /// <param name="terminalPenalty">Terminal (liquidation) penalty α ≥ 0, price per lot².</param>
    /// <param name="fillDecay">Fill-probability decay κ &gt; 0, per price unit: a quote at depth δ fills with probability e^(−κδ).</param>
    /// <param name="buyOrderRate">λ⁺ &gt; 0, arrival rate of buy market orders (they lift the ask), per time unit.</param>
    /// <param name="sellOrderRate">λ⁻ &gt; 0, arrival rate of sell market orders (they hit the bid), per time unit.</param>
    /// <param name="maxInventory">Inventory bound q̄ ≥ 1, in lots: the inventory stays in [−q̄, q̄].</param>
    /// <param name="lotSize">Lot (order) size &gt; 0, in units of the asset.</param>
    /// <param name="horizon">Horizon T &gt; 0, in the model's time unit.</param>
    /// <exception cref="MarketMakingException">Kind <see cref="MarketMakingErrorKind.InvalidParameters"/> naming the bad parameter.</exception>
    public CarteaJaimungalParameters(
        double runningPenalty,
        double terminalPenalty,
        double fillDecay,
        double buyOrderRate,
        double sellOrderRate,
        int maxInventory,
        double lotSize,
        double horizon)
    {
        RunningPenalty = Guard.NonNegative(runningPenalty, nameof(runningPenalty));
        TerminalPenalty = Guard.NonNegative(terminalPenalty, nameof(terminalPenalty));
        FillDecay = Guard.Positive(fillDecay, nameof(fillDecay));
        BuyOrderRate = Guard.Positive(buyOrderRate, nameof(buyOrderRate));
        SellOrderRate = Guard.Positive(sellOrderRate, nameof(sellOrderRate));
        MaxInventory = Guard.Positive(maxInventory, nameof(maxInventory));
        LotSize = Guard.Positive(lotSize, nameof(lotSize));
        Horizon = Guard.Positive(horizon, nameof(horizon));
    }

    /// <summary>Running inventory penalty φ, price per lot² per time unit (CJP eq. for the criterion in §10.2).</summary>
    public double RunningPenalty { get; }

    /// <summary>Terminal penalty α, price per lot²: liquidating q lots at T costs α·q² per lot of value.</summary>
    public double TerminalPenalty { get; }

    /// <summary>Fill-probability decay κ, per price unit.</summary>
    public double FillDecay { get; }

    /// <summary>λ⁺: rate of buy market orders (lifting the ask), per time unit.</summary>
    public double BuyOrderRate { get; }

    /// <summary>λ⁻: rate of sell market orders (hitting the bid), per time unit.</summary>
    public double SellOrderRate { get; }

    /// <summary>Inventory bound q̄ in lots.</summary>
    public int MaxInventory { get; }

    /// <summary>Lot size in units of the asset; the size of each quote.</summary>
    public double LotSize { get; }

    /// <summary>Horizon T in the model's time unit.</summary>
    public double Horizon { get; }
}
