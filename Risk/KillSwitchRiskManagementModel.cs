using System;
using System.Collections.Generic;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Algorithm.Framework.Risk;
using QuantConnect.Data.UniverseSelection;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// Drawdown and loss kill switch (<see cref="KillSwitch"/>): at every step it checks the portfolio value against a
/// daily loss limit (days are UTC dates) and a drawdown limit from the peak (<see cref="KillSwitchLimits"/>); once tripped — by a limit,
/// by <see cref="Kill"/>, or by LEAN's command <see cref="KillSwitchCommand"/> — it emits a plain zero
/// <see cref="PortfolioTarget"/> for every security at every step until <see cref="Rearm"/>. A market-making execution
/// model answers a plain target by cancelling the security's quotes and flattening the holding, and the zero target
/// replaces the quote target of the step (LEAN keeps a risk model's target over portfolio construction's), so no quote
/// goes out while tripped. Composes with <c>AddRiskManagement</c>: a zero target is the strictest there is, and
/// <see cref="InventoryLimitRiskManagementModel"/> keeps a stricter plain target it is given.
/// </summary>
public class KillSwitchRiskManagementModel : RiskManagementModel
{
    private readonly HashSet<Symbol> _symbols = new();
    private PortfolioTarget[]? _targets;
    private string? _targetsReason;

    /// <summary>Creates an armed kill switch.</summary>
    /// <param name="limits">Daily loss and drawdown limits, account currency.</param>
    public KillSwitchRiskManagementModel(KillSwitchLimits limits)
    {
        Switch = new KillSwitch(limits);
    }

    /// <summary>The switch's state.</summary>
    public KillSwitch Switch { get; }

    /// <summary>Tag of the zero targets: "kill switch: " and the reason.</summary>
    public const string TagPrefix = "kill switch: ";

    /// <summary>Trips the switch by hand; from the next step every quote is cancelled and every holding flattened.</summary>
    /// <param name="reason">Why (logged, and in the targets' tag).</param>
    public void Kill(string reason = "manual kill") => Switch.Kill(reason);

    /// <summary>Re-arms the switch: quoting resumes at the next step; the peak and the day restart from the equity then.</summary>
    public void Rearm() => Switch.Rearm();

    /// <inheritdoc />
    public override IEnumerable<IPortfolioTarget> ManageRisk(QCAlgorithm algorithm, IPortfolioTarget[] targets)
    {
        var wasTripped = Switch.IsTripped;
        if (!Switch.Update(GetTime(algorithm), GetEquity(algorithm)))
        {
            return Array.Empty<IPortfolioTarget>();
        }

        if (!wasTripped)
        {
            Log(algorithm, $"{nameof(KillSwitchRiskManagementModel)}: tripped at {Switch.TrippedAt:O} ({Switch.Reason}); cancelling every quote and " +
                "flattening every holding until re-armed");
        }

        if (_targets is null || _targetsReason != Switch.Reason)
        {
            _targetsReason = Switch.Reason;
            _targets = new PortfolioTarget[_symbols.Count];
            var i = 0;
            foreach (var symbol in _symbols)
            {
                _targets[i++] = new PortfolioTarget(symbol, 0m, TagPrefix + Switch.Reason);
            }
        }

        return _targets;
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        foreach (var security in changes.AddedSecurities)
        {
            _symbols.Add(security.Symbol);
        }

        foreach (var security in changes.RemovedSecurities)
        {
            _symbols.Remove(security.Symbol);
        }

        _targets = null;
    }

    /// <summary>The portfolio value the limits are checked against: LEAN's <c>Portfolio.TotalPortfolioValue</c>.</summary>
    protected virtual decimal GetEquity(QCAlgorithm algorithm) => algorithm.Portfolio.TotalPortfolioValue;

    /// <summary>The time of the check, whose date is the day of the daily loss limit: LEAN's UTC time (days are UTC dates).</summary>
    protected virtual DateTime GetTime(QCAlgorithm algorithm) => algorithm.UtcTime;

    /// <summary>Writes to the algorithm log; called once per trip.</summary>
    protected virtual void Log(QCAlgorithm algorithm, string message) => algorithm.Log(message);
}
