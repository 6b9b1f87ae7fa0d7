namespace Lean.MarketMaking.Indicators;

/// <summary>What one update of an indicator produced.</summary>
internal enum StepStatus
{
    /// <summary>The input was unusable and left the state unchanged.</summary>
    Skipped,

    /// <summary>The input was absorbed but there is no value to publish yet.</summary>
    NoValue,

    /// <summary>The input was absorbed and <see cref="Step.Value"/> is the new value.</summary>
    Value,
}

/// <summary>Outcome of one indicator update: a status and, for <see cref="StepStatus.Value"/>, the new value.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Value">The new value (0 unless <paramref name="Status"/> is <see cref="StepStatus.Value"/>).</param>
internal readonly record struct Step(StepStatus Status, double Value)
{
    /// <summary>The input was skipped.</summary>
    public static Step Skip => new(StepStatus.Skipped, 0);

    /// <summary>Absorbed, nothing to publish.</summary>
    public static Step None => new(StepStatus.NoValue, 0);

    /// <summary>Absorbed with a new value.</summary>
    public static Step Of(double value) => new(StepStatus.Value, value);
}
