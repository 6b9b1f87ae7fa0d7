using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Microstructure;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Trading cost of a hedge, per hedge instrument k: a linear cost bₖ per unit (half-spread + fees, currency per unit)
/// plus square-root market impact (<see cref="SquareRootImpactModel"/>): trading |u| units pays the average concession
/// (2/3)·Iₖ(|u|) on each, so cₖ(u) = bₖ|u| + |u|·(2/3)·Iₖ(|u|) = bₖ|u| + (2/3)·Yσ/√V·|u|^(3/2), convex in u, with marginal
/// cost bₖ + Iₖ(|u|) (the last unit's concession). Price units are taken as currency.
/// </summary>
public sealed class HedgeCosts
{
    private readonly double[] _linear;
    private readonly SquareRootImpactModel?[] _impact;

    /// <summary>Validates and copies the costs.</summary>
    /// <param name="linearCostPerUnit">bₖ ≥ 0, currency per unit, one per hedge instrument.</param>
    /// <param name="impact">Optional impact model per hedge instrument (null entries, or a null list: no impact).</param>
    public HedgeCosts(double[] linearCostPerUnit, IReadOnlyList<SquareRootImpactModel?>? impact = null)
    {
        ArgumentNullException.ThrowIfNull(linearCostPerUnit);
        _linear = (double[])linearCostPerUnit.Clone();
        for (var k = 0; k < _linear.Length; k++)
        {
            Guard.NonNegative(_linear[k], $"{nameof(linearCostPerUnit)}[{k}]");
        }

        _impact = new SquareRootImpactModel?[_linear.Length];
        if (impact is not null)
        {
            if (impact.Count != _linear.Length)
            {
                throw Guard.Invalid(nameof(impact), $"must have one entry per hedge instrument ({_linear.Length}), got {impact.Count}");
            }

            for (var k = 0; k < _impact.Length; k++)
            {
                _impact[k] = impact[k];
            }
        }
    }

    /// <summary>Number of hedge instruments.</summary>
    public int Count => _linear.Length;

    /// <summary>bₖ, currency per unit.</summary>
    public double LinearCostPerUnit(int instrument) => _linear[instrument];

    /// <summary>cₖ(u) = bₖ|u| + |u|·(2/3)·Iₖ(|u|), currency.</summary>
    public double Cost(int instrument, double quantity)
    {
        var units = Math.Abs(quantity);
        var impact = _impact[instrument];
        return (_linear[instrument] * units) + (impact is null ? 0.0 : units * impact.AverageImpact(units));
    }

    /// <summary>Σₖ cₖ(hₖ), currency.</summary>
    public double Cost(ReadOnlySpan<double> hedge)
    {
        var total = 0.0;
        for (var k = 0; k < hedge.Length; k++)
        {
            total += Cost(k, hedge[k]);
        }

        return total;
    }

    /// <summary>sₖ = Iₖ(1) = Yσ/√V: the impact scale, so that Iₖ(u) = sₖ√u (0 without impact).</summary>
    internal double ImpactScale(int instrument) => _impact[instrument]?.TemporaryImpact(1.0) ?? 0.0;
}
