using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Numerics;

namespace Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

/// <summary>
/// Optimal market making with running and terminal inventory penalties, Cartea, Jaimungal &amp; Penalva (2015),
/// <i>Algorithmic and High-Frequency Trading</i>, §10.2, extended by a drift (short-term alpha, §10.4), exogenous
/// double-exponential mid-price jumps and mid-price jumps triggered by market orders (adverse selection, §10.4; with
/// self-exciting arrivals this is the setting of Cartea, Jaimungal &amp; Ricci 2014, "Buy low, sell high",
/// SIAM J. Financial Math. 5). The solution keeps the book's closed form ω(t) = exp(𝐀(T−t))·z.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> The agent maximises E[X_T + Q_T(S_T − αQ_T) − φ∫Q_u² du] (CJP §10.2). Market orders arrive at
/// rates λ⁺ (buys, lifting the ask) and λ⁻; a quote at depth δ± fills one lot with probability e^(−κδ±). The mid is
/// dS = μ dt + σ dW + dJ + ε⁺·dM⁺ − ε⁻·dM⁻, where J is compound Poisson (rate λ_J; up with probability p, sizes
/// Exp(η⁺), down sizes Exp(η⁻)) and M± count the market orders that move the mid (each market order does so with
/// probability ρ, by a jump of mean ε±). σ does not enter the optimal quotes (the value is linear in S); inventory risk
/// is priced by φ and α.</para>
/// <para><b>HJB.</b> With the ansatz H = x + qS + h(t, q) (CJP §10.2), the jump terms give
/// λ_J·E[H(S+Y) − H(S)] = λ_J·E[Y]·q, and a buy market order contributes
/// λ⁺[e^(−κδ⁺)(δ⁺ + h(q−1) − h(q) − ρε⁺) + ρε⁺q] (if the ask fills, the lot sold no longer carries the subsequent
/// move; if not, the whole inventory does), symmetrically for sells. Hence
/// 0 = ∂_t h + μ_tot·q − φ_eff·q² + λ⁺ sup_δ e^(−κδ)(δ + h(q−1) − h(q) − ρε⁺) + λ⁻ sup_δ e^(−κδ)(δ + h(q+1) − h(q) − ρε⁻),
/// h(T, q) = −αq², where μ_tot = μ + λ_J(p/η⁺ − (1−p)/η⁻) + ρ(λ⁺ε⁺ − λ⁻ε⁻) and the sup terms are absent at q = −q̄
/// (sell side) and q = q̄ (buy side).</para>
/// <para><b>Feedback controls.</b> The first-order conditions give (CJP §10.2, with the shift of CJP §10.4 for market
/// orders that move the midprice, here made by a fraction ρ of them)
/// δ⁺* = 1/κ + ρε⁺ + h(t, q) − h(t, q−1) and δ⁻* = 1/κ + ρε⁻ + h(t, q) − h(t, q+1): the expected post-fill move widens
/// each side by its own premium. Substituting them, the sup terms become (λ±/κ)·e^(−1−κρε±)·e^(κ(h(q∓1) − h(q))), and
/// h = (1/κ) ln ω linearises the system: ∂_t ω + 𝐀ω = 0 with 𝐀 tridiagonal (rows q = q̄ … −q̄), diagonal
/// κ(μ_tot·q − φ_eff·q²), 𝐀[q, q−1] = λ⁺e^(−1−κρε⁺) (super-diagonal), 𝐀[q, q+1] = λ⁻e^(−1−κρε⁻) (sub-diagonal),
/// so ω(t) = exp(𝐀(T−t))z, z_q = e^(−ακq²). With ρ = 0, λ_J = 0, μ = 0 this is exactly CJP §10.2.</para>
/// <para><b>Jump risk.</b> The penalty φ plays the role of a charge on the quadratic variation of the marked-to-market
/// inventory (φ = ½γσ² for a risk weight γ, CJP §10.2 discussion of the running penalty). Exogenous jumps add λ_J·E[Y²]
/// = λ_J(2p/η⁺² + 2(1−p)/η⁻²) to that variance rate, so with the jump risk weight γ_J
/// (<see cref="MidPriceJumpParameters.JumpRiskAversion"/>) the running penalty becomes φ_eff = φ + ½γ_J·λ_J·E[Y²];
/// γ_J = 0 keeps the risk-neutral treatment in which jumps only move the drift. The variance of the market-order
/// jumps is not charged (only their means ε± are modelled).</para>
/// <para><b>Snapshot signals.</b> A persistent <see cref="MarketSnapshot.Drift"/> is added to μ_tot (exactly, through a
/// second eigen-decomposition that is rebuilt, allocating, only when the drift value changes). A short-lived view — drift
/// μ with a finite <see cref="MarketSnapshot.DriftDecayTime"/> h, the short-term alpha of CJP §10.4 decaying as
/// μe^(−(s − t)/h) over future times s — adds κμe^(−(s − t)/h)·q to the diagonal of 𝐀, making the linear system
/// non-autonomous. To first order in μ (Duhamel's formula around the view-free ω), κh gains κμ·R with R_q = δω_q/ω_q the
/// response per unit (<see cref="Numerics.TridiagonalMetzlerExponential.DecayingDiagonalResponse"/>, entrywise accurate in the
/// linearised system), so h gains μ·R and the depths move by μ(R_q − R_{q∓1}); the dropped terms are O(μ²) (the view's
/// effect on its own response; the expansion parameter is κμh, the view's expected move in units of 1/κ), checked
/// against an RK4 solution of the HJB with the decaying drift. A view counts only as long as it lasts: ≈ μh for a view
/// shorter than the inventory's turnover, tending to the persistent drift's effect as h → ∞.
/// <see cref="MarketSnapshot.AdverseSelection"/> is an extra premium added to both depths.</para>
/// <para><b>Bounds.</b> At q = ±q̄ the blocked side is quoted with size 0 at the price implied by extending h
/// linearly beyond the bound, which keeps Bid &lt; Ask (the spread is then 2/κ + premiums) and makes the reservation
/// price the one-sided marginal value. The reservation price is the midpoint of the two quotes,
/// s + (h(q+1) − h(q−1))/2 + ρ(ε⁺ − ε⁻)/2 in the interior.</para>
/// <para><b>Numerics.</b> ω(t) = exp(𝐀(T−t))z comes from <see cref="Numerics.TridiagonalMetzlerExponential"/>: the
/// symmetrised 𝐀 is eigen-decomposed once at construction; a quote at a new time costs O((2q̄+1)²) and is cached, a
/// quote at a cached time O(1); neither allocates. The spectral sum is accurate relative to the best inventory's ω;
/// when an inventory's ω is so much smaller that digits would be lost (heavy penalties, large q̄, very unequal flow),
/// that time step is recomputed by a positive uniformisation series with entrywise relative accuracy,
/// O((2q̄+1)²·log₂(cτ)) from a table of squarings built (and allocated) once on first use, gauged when some ω lies
/// below the double range of the best one. Thread-safe (calls are serialised by a lock).</para>
/// </remarks>
public sealed class CarteaJaimungalModel : IQuotingModel
{
    private readonly object _gate = new();
    private readonly double _kappa;
    private readonly double _askPremium;
    private readonly double _bidPremium;
    private readonly double _riskNeutralDepth;
    private readonly TridiagonalMetzlerExponential _base;
    private readonly double[] _inventory;
    private readonly double[] _response;
    private readonly double[] _jumpLoading;
    private readonly double[] _jumpResponse;
    private TridiagonalMetzlerExponential? _signalled;
    private double _signalledDrift;

    /// <summary>Builds the model and eigen-decomposes its inventory matrix.</summary>
    /// <param name="parameters">The §10.2 parameters.</param>
    /// <param name="jumps">Mid-price jumps; null or <see cref="MidPriceJumpParameters.None"/> for the plain §10.2 model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.NumericalInstability"/> if the inventory matrix has no finite spectrum
    /// (only for absurd magnitudes such as κ·φ·q̄² beyond 1e300).
    /// </exception>
    public CarteaJaimungalModel(CarteaJaimungalParameters parameters, MidPriceJumpParameters? jumps = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        Jumps = jumps ?? MidPriceJumpParameters.None;
        _kappa = parameters.FillDecay;
        _askPremium = Jumps.AskAdverseSelection;
        _bidPremium = Jumps.BidAdverseSelection;
        _riskNeutralDepth = ExponentialIntensityHamiltonian.QuoteOffset(0, _kappa, 1);
        EffectiveRunningPenalty = parameters.RunningPenalty + Jumps.RunningPenaltyLoading;
        StructuralDrift = Jumps.ExogenousJumpDrift
                          + (parameters.BuyOrderRate * _askPremium)
                          - (parameters.SellOrderRate * _bidPremium);
        _base = Exponential(StructuralDrift);
        _inventory = new double[(2 * parameters.MaxInventory) + 1];
        for (var i = 0; i < _inventory.Length; i++)
        {
            _inventory[i] = parameters.MaxInventory - i;
        }

        _response = new double[_inventory.Length];
        _jumpResponse = new double[_inventory.Length];
        _jumpLoading = new double[_inventory.Length];
        var meanJump = Jumps.JumpIntensity > 0 ? Jumps.ExogenousJumpDrift / Jumps.JumpIntensity : 0;
        var penaltyPerIntensity = Jumps.JumpIntensity > 0 ? Jumps.RunningPenaltyLoading / Jumps.JumpIntensity : 0;
        for (var i = 0; i < _inventory.Length; i++)
        {
            var q = _inventory[i];
            _jumpLoading[i] = (meanJump * q) - (penaltyPerIntensity * q * q);
        }
    }

    /// <summary>The §10.2 parameters.</summary>
    public CarteaJaimungalParameters Parameters { get; }

    /// <summary>The mid-price jump description (never null).</summary>
    public MidPriceJumpParameters Jumps { get; }

    /// <summary>φ_eff = φ + ½γ_J·λ_J·E[Y²], price per lot² per time unit.</summary>
    public double EffectiveRunningPenalty { get; }

    /// <summary>
    /// Drift of the mid implied by the jumps, λ_J(p/η⁺ − (1−p)/η⁻) + ρ(λ⁺ε⁺ − λ⁻ε⁻), price per time unit
    /// (the snapshot's drift is added to it).
    /// </summary>
    public double StructuralDrift { get; }

    /// <summary>
    /// The optimal quote at the snapshot's time and inventory. Depths: δ⁺ = 1/κ + ρε⁺ + h(t,q) − h(t,q−1) + a,
    /// δ⁻ = 1/κ + ρε⁻ + h(t,q) − h(t,q+1) + a, with a = <see cref="MarketSnapshot.AdverseSelection"/>.
    /// Sizes are one lot, 0 on the side blocked at ±q̄. The inventory is rounded to the nearest whole lot.
    /// </summary>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InventoryLimitViolation"/> if |inventory| exceeds q̄ lots;
    /// <see cref="MarketMakingErrorKind.InvalidMarketData"/> if the time is beyond the horizon;
    /// <see cref="MarketMakingErrorKind.NumericalInstability"/> if the value function at this inventory is not representable
    /// in double precision even after gauging (ω below ~e^(−690) of the best inventory's; needs absurd penalties).
    /// </exception>
    public TwoSidedQuote Quote(in MarketSnapshot snapshot) => Quote(snapshot, Jumps.JumpIntensity);

    /// <summary>
    /// The optimal quote when the exogenous jumps are self-exciting (<see cref="MidPriceJumpParameters.VolatilityClustering"/>)
    /// and their conditional intensity now is <paramref name="jumpIntensity"/> (e.g. raised by a jump just seen,
    /// <see cref="MidPriceJumpParameters.JumpArrivals"/> with a Hawkes tracker).
    /// </summary>
    /// <remarks>
    /// <para><b>Approximation.</b> The model is solved along the mean intensity path
    /// λ(t + u) ≈ λ_J + (λ_t − λ_J)e^(−β_J(1 − α_J)u) (<see cref="MidPriceJumpParameters.ExpectedJumpIntensity"/>) instead
    /// of with the intensity as a second state variable: the quotes ignore that a future jump would raise the intensity
    /// again (they are re-computed at each quote with the then current λ_t, so the re-adaptation happens in closed loop).
    /// The HJB is linear in λ (jumps enter through λ·(E[Y]q − ½γ_J·E[Y²]q²)), so the excess intensity is a decaying
    /// perturbation of the diagonal of 𝐀, κ(λ_t − λ_J)e^(−β_J(1 − α_J)(s − t))·(E[Y]q − ½γ_J·E[Y²]q²), handled to first
    /// order in λ_t − λ_J exactly as a short-lived drift view
    /// (<see cref="Numerics.TridiagonalMetzlerExponential.DecayingDiagonalResponse"/>; the dropped terms are
    /// O((λ_t − λ_J)²), checked against an RK4 solution of the HJB along the mean path). With E[Y] ≠ 0 a jump skews the
    /// quotes towards the jumps' direction; with γ_J &gt; 0 it widens them (inventory is riskier while jumps cluster).</para>
    /// </remarks>
    /// <param name="snapshot">Mid, time, inventory and signals, as for <see cref="Quote(in MarketSnapshot)"/>.</param>
    /// <param name="jumpIntensity">λ_t ≥ 0, the conditional jump intensity now, per time unit (λ_J: the plain quote).</param>
    public TwoSidedQuote Quote(in MarketSnapshot snapshot, double jumpIntensity)
    {
        var excessIntensity = Guard.NonNegative(jumpIntensity, nameof(jumpIntensity)) - Jumps.JumpIntensity;
        var p = Parameters;
        var tau = p.Horizon - snapshot.Time;
        if (tau < 0 && tau >= -1e-12 * p.Horizon)
        {
            tau = 0; // the horizon itself, up to the rounding of the caller's clock
        }

        if (tau < 0)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.InvalidMarketData, $"time {snapshot.Time} is beyond the horizon {p.Horizon}", "time");
        }

        var lots = snapshot.Inventory / p.LotSize;
        if (Math.Abs(lots) > p.MaxInventory * (1 + 1e-9))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.InventoryLimitViolation,
                $"inventory {snapshot.Inventory} ({lots} lots) is outside [-{p.MaxInventory}, {p.MaxInventory}] lots",
                "inventory");
        }

        var q = (int)Math.Round(lots);
        var row = p.MaxInventory - q;
        var view = double.IsPositiveInfinity(snapshot.DriftDecayTime) ? 0 : snapshot.Drift;
        double hq, hDown, hUp;
        lock (_gate)
        {
            // κh = ln ω up to a constant common to every q, which cancels from the depths.
            var logOmega = ExponentialFor(snapshot.Drift - view).LogApply(tau);
            hq = logOmega[row] / _kappa;
            hDown = q > -p.MaxInventory ? logOmega[row + 1] / _kappa : double.NaN; // h(q−1)
            hUp = q < p.MaxInventory ? logOmega[row - 1] / _kappa : double.NaN; // h(q+1)
            if (view != 0)
            {
                // First order in the view μ: κh gains κμ·R, so h gains μ·R.
                _base.DecayingDiagonalResponse(tau, 1 / snapshot.DriftDecayTime, _inventory, _response);
                hq += view * _response[row];
                hDown += q > -p.MaxInventory ? view * _response[row + 1] : 0;
                hUp += q < p.MaxInventory ? view * _response[row - 1] : 0;
            }

            if (excessIntensity != 0)
            {
                // First order in λ_t − λ_J: the diagonal gains κ(λ_t − λ_J)e^(−β_J(1−α_J)s)·loading, so h gains (λ_t − λ_J)·R.
                _base.DecayingDiagonalResponse(tau, Jumps.ClusteringRelaxationRate, _jumpLoading, _jumpResponse);
                hq += excessIntensity * _jumpResponse[row];
                hDown += q > -p.MaxInventory ? excessIntensity * _jumpResponse[row + 1] : 0;
                hUp += q < p.MaxInventory ? excessIntensity * _jumpResponse[row - 1] : 0;
            }
        }

        var canSell = q > -p.MaxInventory;
        var canBuy = q < p.MaxInventory;

        // Beyond a bound, extend h linearly: h(q∓1) = 2h(q) − h(q±1).
        var askGain = canSell ? hq - hDown : hUp - hq;
        var bidGain = canBuy ? hq - hUp : hDown - hq;
        if (!double.IsFinite(askGain) || !double.IsFinite(bidGain))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.NumericalInstability,
                $"the value function at {q} lots and time-to-horizon {tau} is not representable in double precision "
                + "(that inventory is worth less than about e^-690 of the best one: penalties too extreme for the lattice)",
                "inventory");
        }

        var askDepth = _riskNeutralDepth + _askPremium + askGain + snapshot.AdverseSelection;
        var bidDepth = _riskNeutralDepth + _bidPremium + bidGain + snapshot.AdverseSelection;
        var reservation = snapshot.Mid + (0.5 * (askDepth - bidDepth));
        return TwoSidedQuote.FromDepths(
            snapshot.Mid, reservation, bidDepth, askDepth, canBuy ? p.LotSize : 0, canSell ? p.LotSize : 0);
    }

    /// <summary>
    /// Writes h(t, q) for q = q̄ … −q̄ (index i ↔ q = q̄ − i) at time <paramref name="time"/> with the snapshot drift
    /// <paramref name="signalDrift"/>; NaN where it is not representable in double precision. For tests and diagnostics.
    /// </summary>
    /// <returns>Whether the positive uniformisation series was needed instead of the spectral sum.</returns>
    internal bool ValueFunction(double time, double signalDrift, Span<double> destination)
    {
        lock (_gate)
        {
            var exponential = ExponentialFor(signalDrift);
            var logOmega = exponential.LogApply(Parameters.Horizon - time);
            for (var i = 0; i < logOmega.Length; i++)
            {
                destination[i] = (logOmega[i] + exponential.LogOffset) / _kappa;
            }

            return exponential.UsedPositiveSeries;
        }
    }

    private TridiagonalMetzlerExponential ExponentialFor(double signalDrift)
    {
        if (signalDrift == 0)
        {
            return _base;
        }

        var drift = StructuralDrift + signalDrift;
        if (_signalled is null || !_signalledDrift.Equals(drift))
        {
            _signalled = Exponential(drift);
            _signalledDrift = drift;
        }

        return _signalled;
    }

    // 𝐀 for the total drift μ, rows q = q̄ … −q̄ (row i ↔ q = q̄ − i): diagonal κ(μq − φ_eff·q²), 𝐀[q, q−1] = λ⁺·C₀·e^(−κρε⁺)
    // and 𝐀[q, q+1] = λ⁻·C₀·e^(−κρε⁻) with C₀ = e^(−1) the ξ = 0 Hamiltonian constant; start vector z_q = e^(−ακq²).
    private TridiagonalMetzlerExponential Exponential(double drift)
    {
        var p = Parameters;
        var size = (2 * p.MaxInventory) + 1;
        var diagonal = new double[size];
        var logTerminal = new double[size];
        for (var i = 0; i < size; i++)
        {
            double q = p.MaxInventory - i;
            diagonal[i] = _kappa * ((drift * q) - (EffectiveRunningPenalty * q * q));
            logTerminal[i] = -p.TerminalPenalty * _kappa * q * q;
        }

        var logC = -ExponentialIntensityHamiltonian.LogInverseConstantC(0, _kappa, 1);
        var upper = Math.Exp(Math.Log(p.BuyOrderRate) + logC - (_kappa * _askPremium));
        var lower = Math.Exp(Math.Log(p.SellOrderRate) + logC - (_kappa * _bidPremium));
        return new TridiagonalMetzlerExponential(diagonal, upper, lower, logTerminal, p.Horizon);
    }
}
