using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Lean.MarketMaking.Models.Quoting.MultiAsset;

/// <summary>
/// Closed-form multi-asset market-making quotes of Bergault, Evangelista, Guéant &amp; Vieira (2021),
/// "Closed-form approximations in multi-asset market making", Applied Mathematical Finance 28(2), arXiv:1810.04383,
/// for the multi-asset model of Guéant (2017), "Optimal market making", with symmetric exponential intensities.
/// </summary>
/// <remarks>
/// <para>
/// The Hamiltonians H_ξ are replaced by their second-order Taylor expansions at 0 (the approximate
/// Hamilton–Jacobi equation, eq. (9) in the arXiv numbering), whose solution is quadratic in the inventory,
/// θ(t, q) ≈ −qᵀA(t)q − qᵀB(t) − C(t), where (ODE system (11) and its closed-form solution, Proposition 2)
/// A′ = 2A·D₊·A − ½γΣ, A(T) = 0, D₊ = diag(2·Aⁱ·kⁱ·zⁱ·C_ξⁱ) (H_ξⁱ″(0) = AⁱkⁱC_ξⁱ on each side, times zⁱ),
/// solved by A(t) = ½·D₊^(−½)·Â·tanh(Â(T − t))·D₊^(−½), Â = √γ·(D₊^½ΣD₊^½)^½,
/// and B = 0 because the bid and ask intensities are equal. As T − t → ∞, A → ½√γ·Γ with
/// Γ = D₊^(−½)(D₊^½ΣD₊^½)^½D₊^(−½) (so that ΓD₊Γ = Σ).
/// </para>
/// <para>
/// Cross-asset risk aversion (<see cref="MultiAssetGlftParameters.RiskAversionMatrix"/>): Σ and γ enter the approximate
/// HJB (9) only through the inventory penalty ½γ·qᵀΣq, so a general symmetric positive semi-definite penalty matrix R
/// (½qᵀRq per time unit; R = γΣ by default) replaces γΣ in the Riccati equation: A′ = 2A·D₊·A − ½R, A(T) = 0. With
/// Ã = D₊^½AD₊^½ and Â = (D₊^½RD₊^½)^½ (the PSD square root) it reads Ã′ = 2Ã² − ½Â², solved by
/// Ã = ½Â·tanh(Â(T − t)) (differentiate: −½Â²sech² = −½Â² + 2Ã²), so the closed form above holds with
/// Â = (D₊^½RD₊^½)^½, and the ergodic limit is A = ½D₊^(−½)(D₊^½RD₊^½)^½D₊^(−½). A zero eigenvalue of R (an inventory
/// direction carrying no penalty, e.g. a spread position when R = r·11ᵀ) contributes nothing to A. In Model B
/// (ξ = 0) this is exactly the objective E[X_T + q_TS_T − ½∫qᵀRq dt]; in Model A the quote map keeps ξ = γ, and R
/// replaces the utility's γΣ in the penalty term of the approximation.
/// </para>
/// <para>
/// The greedy quotes are δ^{i,b} = δ̃ᵢ(pᵢᵇ), δ^{i,a} = δ̃ᵢ(pᵢᵃ), with
/// pᵢᵇ = (θ(q) − θ(q + zⁱeⁱ))/zⁱ = 2(A q)ᵢ + zⁱAᵢᵢ and pᵢᵃ = (θ(q) − θ(q − zⁱeⁱ))/zⁱ = −2(A q)ᵢ + zⁱAᵢᵢ,
/// and δ̃ᵢ(p) = p + (1/(ξzⁱ))·ln(1 + ξzⁱ/kⁱ) (ξ &gt; 0) or p + 1/kⁱ (ξ = 0). In the ergodic regime these are
/// δ^{i,b} = δ̃ᵢ(√γ(qᵀΓeⁱ + ½zⁱΓᵢᵢ)) and δ^{i,a} = δ̃ᵢ(−√γ(qᵀΓeⁱ − ½zⁱΓᵢᵢ)). With one asset they are exactly
/// the Guéant (2017) formulas (4.6)–(4.7), i.e. the Guéant–Lehalle–Fernandez-Tapia closed form.
/// </para>
/// <para>
/// The reservation price of asset i is rᵢ = midᵢ − 2(A(t) q)ᵢ = midᵢ + ∂θ/∂qⁱ (the marginal indifference value of
/// one unit of asset i); the bid and the ask are symmetric around it, at distance zⁱAᵢᵢ(t) + δ̃ᵢ(0).
/// Both sides are quoted with size zⁱ.
/// </para>
/// <para>
/// Cost: O(n³) once at construction (a symmetric eigendecomposition of D₊^½ΣD₊^½ with MathNet), O(n³) whenever
/// the time changes (A(t) rebuilt from the cached eigenvectors), O(n²) per <see cref="Quote"/> for all n assets.
/// <see cref="Quote"/> allocates nothing. The model caches A(t) in a buffer it owns, so one instance must not be
/// used by concurrent callers (give each thread its own instance).
/// </para>
/// </remarks>
public sealed class MultiAssetGlftModel : IMultiAssetQuotingModel
{
    private readonly int _n;
    private readonly double _horizon;
    private readonly double[] _orderSize;
    private readonly double[] _quoteOffset;

    // Â = V·diag(λ)·Vᵀ with V the eigenvectors of D₊^½RD₊^½ (R = γΣ by default); W = D₊^(−½)·V (row-major n×n), so that
    // A(τ) = ½·W·diag(λ·tanh(λτ))·Wᵀ.
    private readonly double[] _eigenvalues;
    private readonly double[] _scaledEigenvectors;

    // Cached A(t) (row-major n×n) and its time; scratch for ½λ tanh(λτ).
    private readonly double[] _coefficient;
    private readonly double[] _spectralWeights;
    private double _cachedTime = double.NaN;

    /// <summary>Precomputes the spectral decomposition of the model.</summary>
    /// <param name="parameters">Validated parameters.</param>
    /// <param name="regime">Finite horizon (default) or the ergodic limit.</param>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.NumericalInstability"/> if D₊^½RD₊^½ has a non-finite computed eigenvalue.
    /// </exception>
    public MultiAssetGlftModel(MultiAssetGlftParameters parameters, MultiAssetGlftRegime regime = MultiAssetGlftRegime.FiniteHorizon)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        Regime = Guard.Defined(regime, nameof(regime));
        _n = parameters.AssetCount;
        _horizon = parameters.Horizon;
        _orderSize = parameters.OrderSize.ToArray();
        _quoteOffset = new double[_n];
        var sqrtDPlus = new double[_n];
        var xi = parameters.Xi;
        for (var i = 0; i < _n; i++)
        {
            var a = parameters.IntensityScale[i];
            var k = parameters.IntensityDecay[i];
            var z = _orderSize[i];
            sqrtDPlus[i] = Math.Sqrt(2.0 * a * k * z * ExponentialIntensityHamiltonian.ConstantC(xi, k, z));
            _quoteOffset[i] = ExponentialIntensityHamiltonian.QuoteOffset(xi, k, z);
        }

        var scaled = Matrix<double>.Build.Dense(_n, _n, (i, j) => sqrtDPlus[i] * parameters.RiskAversionMatrix(i, j) * sqrtDPlus[j]);
        var evd = scaled.Evd(Symmetricity.Symmetric);
        _eigenvalues = new double[_n];
        _scaledEigenvectors = new double[_n * _n];
        for (var m = 0; m < _n; m++)
        {
            var mu = evd.EigenValues[m].Real;
            if (!double.IsFinite(mu))
            {
                throw new MarketMakingException(
                    MarketMakingErrorKind.NumericalInstability, $"D+^1/2 R D+^1/2 has the eigenvalue {mu}", nameof(parameters));
            }

            // R is positive semi-definite (validated); a rounding-level negative eigenvalue is a zero one
            _eigenvalues[m] = Math.Sqrt(Math.Max(mu, 0.0));
            for (var i = 0; i < _n; i++)
            {
                _scaledEigenvectors[(i * _n) + m] = evd.EigenVectors[i, m] / sqrtDPlus[i];
            }
        }

        _coefficient = new double[_n * _n];
        _spectralWeights = new double[_n];
        if (regime == MultiAssetGlftRegime.Ergodic)
        {
            for (var m = 0; m < _n; m++)
            {
                _spectralWeights[m] = 0.5 * _eigenvalues[m];
            }

            AssembleCoefficient();
        }
    }

    /// <summary>The parameters the model was built from.</summary>
    public MultiAssetGlftParameters Parameters { get; }

    /// <summary>Finite horizon or ergodic.</summary>
    public MultiAssetGlftRegime Regime { get; }

    /// <inheritdoc/>
    public int AssetCount => _n;

    /// <summary>
    /// Quotes every asset. Bid depth δ^{i,b} = 2(A q)ᵢ + zⁱAᵢᵢ + δ̃ᵢ(0), ask depth δ^{i,a} = −2(A q)ᵢ + zⁱAᵢᵢ + δ̃ᵢ(0),
    /// reservation midᵢ − 2(A q)ᵢ, sizes zⁱ. Allocates nothing; not safe for concurrent calls on one instance.
    /// </summary>
    /// <param name="mids">Mid prices, positive, length n.</param>
    /// <param name="inventory">Signed inventories qⁱ in units of each asset, length n.</param>
    /// <param name="time">t in [0, T] for the finite-horizon regime; any finite t ≥ 0 (ignored) for the ergodic one.</param>
    /// <param name="quotes">Destination, length n.</param>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> for a length mismatch, a non-positive or non-finite mid,
    /// a non-finite inventory or a time out of range.
    /// </exception>
    public void Quote(ReadOnlySpan<double> mids, ReadOnlySpan<double> inventory, double time, Span<TwoSidedQuote> quotes)
    {
        RequireLength(mids.Length, nameof(mids));
        RequireLength(inventory.Length, nameof(inventory));
        RequireLength(quotes.Length, nameof(quotes));
        Guard.AllFinite(inventory, nameof(inventory));
        for (var i = 0; i < _n; i++)
        {
            if (!(mids[i] > 0) || !double.IsFinite(mids[i]))
            {
                throw Guard.Invalid($"{nameof(mids)}[{i}]", $"must be a finite positive price, got {mids[i]}");
            }
        }

        EnsureCoefficient(time);
        ReadOnlySpan<double> a = _coefficient;
        for (var i = 0; i < _n; i++)
        {
            var row = a.Slice(i * _n, _n);
            var skew = 0.0;
            for (var j = 0; j < _n; j++)
            {
                skew += row[j] * inventory[j];
            }

            skew *= 2.0;
            var z = _orderSize[i];
            var halfSpread = (z * row[i]) + _quoteOffset[i];
            quotes[i] = TwoSidedQuote.FromDepths(mids[i], mids[i] - skew, halfSpread + skew, halfSpread - skew, z, z);
        }
    }

    /// <summary>
    /// A copy of the quadratic coefficient A(t) of the value-function approximation (price per unit² of inventory);
    /// in the ergodic regime, its limit ½√γ·Γ. For diagnostics and research, not the hot path (allocates).
    /// </summary>
    /// <param name="time">As in <see cref="Quote"/>.</param>
    public double[,] QuadraticCoefficient(double time)
    {
        EnsureCoefficient(time);
        var result = new double[_n, _n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                result[i, j] = _coefficient[(i * _n) + j];
            }
        }

        return result;
    }

    private void RequireLength(int length, string name)
    {
        if (length != _n)
        {
            throw Guard.Invalid(name, $"must have one entry per asset ({_n}), got {length}");
        }
    }

    private void EnsureCoefficient(double time)
    {
        if (Regime == MultiAssetGlftRegime.Ergodic)
        {
            Guard.NonNegative(time, nameof(time));
            return;
        }

        if (time == _cachedTime)
        {
            return;
        }

        Guard.InRange(time, 0.0, _horizon, nameof(time));
        var tau = _horizon - time;
        for (var m = 0; m < _n; m++)
        {
            var lambda = _eigenvalues[m];
            _spectralWeights[m] = 0.5 * lambda * Math.Tanh(lambda * tau);
        }

        AssembleCoefficient();
        _cachedTime = time;
    }

    /// <summary>A = W·diag(w)·Wᵀ from the current spectral weights w; fills the upper triangle and mirrors it.</summary>
    private void AssembleCoefficient()
    {
        var n = _n;
        ReadOnlySpan<double> w = _spectralWeights;
        ReadOnlySpan<double> v = _scaledEigenvectors;
        var a = _coefficient;
        for (var i = 0; i < n; i++)
        {
            var rowI = v.Slice(i * n, n);
            for (var j = i; j < n; j++)
            {
                var rowJ = v.Slice(j * n, n);
                var sum = 0.0;
                for (var m = 0; m < n; m++)
                {
                    sum += rowI[m] * w[m] * rowJ[m];
                }

                a[(i * n) + j] = sum;
                a[(j * n) + i] = sum;
            }
        }
    }
}
