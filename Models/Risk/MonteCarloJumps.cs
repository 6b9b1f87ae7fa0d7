using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Stochastic;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Mid-price jumps added to Monte Carlo value-at-risk scenarios: per asset, the exogenous jumps of the Cartea–Jaimungal
/// model (<see cref="MidPriceJumpParameters"/>: rate λ_J per time unit, up with probability p, sizes Exp(η⁺) up and
/// Exp(η⁻) down in price units; Cartea, Jaimungal &amp; Penalva 2015 §10.4), as a compensated compound Poisson process
/// (<see cref="CompoundPoissonJumps"/>, mean zero: the jumps widen the tails, the drift stays the diffusion's) over h
/// periods of <see cref="PeriodLength"/> time units, turned into a return by today's price: Jᵢ/pᵢ. Jumps of different
/// assets are independent. Immutable and validated.
/// </summary>
public sealed class MonteCarloJumps
{
    private readonly CompoundPoissonJumps?[] _jumps;
    private readonly double[] _prices;

    /// <summary>Creates the jump description.</summary>
    /// <param name="jumps">Per asset, its jump parameters or null for none.</param>
    /// <param name="prices">Per asset, today's price (&gt; 0, the price units of its jump sizes).</param>
    /// <param name="periodLength">Length of one return period in the jump parameters' time unit, &gt; 0.</param>
    /// <exception cref="MarketMakingException">InvalidParameters for mismatched lengths, bad prices or period length.</exception>
    public MonteCarloJumps(IReadOnlyList<MidPriceJumpParameters?> jumps, IReadOnlyList<double> prices, double periodLength)
    {
        ArgumentNullException.ThrowIfNull(jumps);
        ArgumentNullException.ThrowIfNull(prices);
        if (jumps.Count == 0 || prices.Count != jumps.Count)
        {
            throw Guard.Invalid(nameof(prices), $"must hold one price per asset ({jumps.Count}), got {prices.Count}");
        }

        PeriodLength = Guard.Positive(periodLength, nameof(periodLength));
        _jumps = new CompoundPoissonJumps?[jumps.Count];
        _prices = new double[jumps.Count];
        for (var i = 0; i < jumps.Count; i++)
        {
            _prices[i] = Guard.Positive(prices[i], $"{nameof(prices)}[{i}]");
            if (jumps[i] is { JumpIntensity: > 0 } p)
            {
                _jumps[i] = new CompoundPoissonJumps(
                    p.JumpIntensity, new DoubleExponentialJumpSizes(p.UpwardJumpProbability, p.UpwardJumpRate, p.DownwardJumpRate));
            }
        }
    }

    /// <summary>Number of assets n.</summary>
    public int Assets => _jumps.Length;

    /// <summary>Length of one return period in the jump parameters' time unit.</summary>
    public double PeriodLength { get; }

    /// <summary>Adds one draw of each asset's compensated jump return over <paramref name="horizonPeriods"/> to <paramref name="returns"/>.</summary>
    internal void Add(Span<double> returns, Random random, int horizonPeriods)
    {
        var dt = horizonPeriods * PeriodLength;
        for (var i = 0; i < _jumps.Length; i++)
        {
            if (_jumps[i] is { } jumps)
            {
                returns[i] += jumps.SampleCompensatedIncrement(random, dt) / _prices[i];
            }
        }
    }
}
