namespace Lean.MarketMaking.Risk;

/// <summary>An algorithm that runs a <see cref="KillSwitchRiskManagementModel"/>, so that <see cref="KillSwitchCommand"/> can reach it.</summary>
public interface IKillSwitchAlgorithm
{
    /// <summary>The algorithm's kill switch, or null when it runs none.</summary>
    KillSwitchRiskManagementModel? KillSwitch { get; }
}
