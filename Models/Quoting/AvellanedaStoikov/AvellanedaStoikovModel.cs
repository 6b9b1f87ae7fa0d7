namespace Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;

/// <summary>
/// The finite-horizon Avellaneda–Stoikov quoting model (Avellaneda &amp; Stoikov 2008, "High-frequency trading in a
/// limit order book", Quantitative Finance 8(3), 217–224, §3.2). With τ = max(T − t, 0):
/// <list type="bullet">
/// <item>reservation price r = s + E[drift move over τ] − q·γ·σ²·τ — eq. (29) (and the frozen-inventory price (8)) plus the
/// drift term, μτ for a persistent drift or μh(1 − e^(−τ/h)) for a short-term view decaying with time constant h
/// (<see cref="MarketSnapshot.ExpectedDriftMove"/>);</item>
/// <item>total spread δᵃ + δᵇ = γ·σ²·τ + (2/γ)·ln(1 + γ/k) — eq. (30), independent of q and of μ;</item>
/// <item>bid = r − spread/2, ask = r + spread/2, each depth then widened by the constant premium of the parameters
/// plus <see cref="MarketSnapshot.AdverseSelection"/>.</item>
/// </list>
/// The drift term is the standard CARA frozen-inventory extension, not part of the paper: with dS = μ dt + σ dW the
/// frozen-inventory value (3) becomes −exp(−γx − γq(s + μτ) + ½γ²q²σ²τ), so the reservation bid and ask (6)–(7) and their
/// average (8) shift by μτ while their difference, hence the spread, is unchanged. With μ = 0 the model is exactly (29)–(30).
/// For a drift that decays as e^(−s/h) (a short-term alpha), E[S_T] − s = μh(1 − e^(−τ/h)) replaces μτ, for the same reason.
/// <para>
/// Order size: the paper fills one share. Quotes of z = <see cref="AvellanedaStoikovParameters.OrderSize"/> units fill z
/// units at once, so (6)–(7) are taken for a lot of z units at a per-unit price — v(x − z·rᵇ, s, q + z, t) = v(x, s, q, t) —
/// giving rᵇ = s − (2q + z)γσ²τ/2 and rᵃ = s − (2q − z)γσ²τ/2 (their average is still (29)), and the offset of (18)–(19)
/// becomes (1/(γz))·ln(1 + γz/k) (the ξΔ form of Guéant 2017, "Optimal market making", §4). The total spread is then
/// zγσ²τ + (2/(γz))·ln(1 + γz/k), which is (30) for z = 1 (the setting of the paper's tables).
/// </para>
/// </summary>
public sealed class AvellanedaStoikovModel : IQuotingModel
{
    private readonly double horizon;
    private readonly double inventoryRisk;
    private readonly double halfInventoryRisk;
    private readonly double arrivalHalfSpread;
    private readonly double premium;
    private readonly double orderSize;

    /// <summary>Creates the model; all terms that do not depend on the snapshot are computed here.</summary>
    /// <param name="parameters">Validated model parameters.</param>
    public AvellanedaStoikovModel(AvellanedaStoikovParameters parameters)
    {
        Parameters = parameters ?? throw Errors.Guard.Invalid(nameof(parameters), "must not be null");
        horizon = parameters.Horizon;
        orderSize = parameters.OrderSize;
        inventoryRisk = parameters.RiskAversion * parameters.Volatility * parameters.Volatility;
        halfInventoryRisk = 0.5 * inventoryRisk * orderSize;
        // (1/(γz))·ln(1 + γz/k): the offset of (18)–(19) for fills of z units (z = 1 in the paper).
        arrivalHalfSpread = ExponentialIntensityHamiltonian.QuoteOffset(parameters.RiskAversion, parameters.IntensityDecay, orderSize);
        premium = parameters.AdverseSelectionPremium;
    }

    /// <summary>The model's parameters.</summary>
    public AvellanedaStoikovParameters Parameters { get; }

    /// <summary>Total spread of eq. (30) for lots of z units, zγσ²τ + (2/(γz))·ln(1 + γz/k) (z = 1: the paper's
    /// γσ²τ + (2/γ)·ln(1 + γ/k)), in price units, at time <paramref name="time"/> (before any adverse-selection widening).</summary>
    /// <param name="time">Current time t in the model's time unit; τ = max(T − t, 0).</param>
    public double OptimalSpread(double time) =>
        2 * (halfInventoryRisk * TimeToHorizon(Errors.Guard.NonNegative(time, nameof(time))) + arrivalHalfSpread);

    /// <inheritdoc />
    public TwoSidedQuote Quote(in MarketSnapshot snapshot)
    {
        var tau = TimeToHorizon(snapshot.Time);
        var mid = snapshot.Mid;
        var skew = snapshot.ExpectedDriftMove(tau) - snapshot.Inventory * inventoryRisk * tau;
        var halfSpread = halfInventoryRisk * tau + arrivalHalfSpread;
        var widening = premium + snapshot.AdverseSelection;
        return TwoSidedQuote.FromDepths(
            mid,
            mid + skew,
            halfSpread - skew + widening,
            halfSpread + skew + widening,
            orderSize,
            orderSize);
    }

    private double TimeToHorizon(double time) => time < horizon ? horizon - time : 0;
}
