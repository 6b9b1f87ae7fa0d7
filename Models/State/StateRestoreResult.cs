using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.State;

/// <summary>
/// The outcome of <see cref="MarketMakingStateSerializer.Restore(byte[])"/>: either the restored snapshot, or a cold start
/// with its reason and a message to log. A restore never throws for bad saved bytes.
/// </summary>
public sealed class StateRestoreResult
{
    private StateRestoreResult(MarketMakingStateSnapshot? snapshot, ColdStartReason? reason, string message)
    {
        Snapshot = snapshot;
        ColdStartReason = reason;
        Message = message;
    }

    /// <summary>The restored snapshot, or null on a cold start.</summary>
    public MarketMakingStateSnapshot? Snapshot { get; }

    /// <summary>Why the start is cold, or null when the state was restored.</summary>
    public ColdStartReason? ColdStartReason { get; }

    /// <summary>True when no usable state was found.</summary>
    public bool IsColdStart => Snapshot is null;

    /// <summary>What happened, in words fit for the log.</summary>
    public string Message { get; }

    /// <summary>A successful restore.</summary>
    public static StateRestoreResult Restored(MarketMakingStateSnapshot snapshot) =>
        new(snapshot ?? throw Guard.Invalid(nameof(snapshot), "must not be null"), null,
            $"restored state #{snapshot.Sequence} saved at {snapshot.SavedAtUtc:O}");

    /// <summary>A cold start for the given reason.</summary>
    public static StateRestoreResult Cold(ColdStartReason reason, string message) =>
        new(null, Guard.Defined(reason, nameof(reason)), $"cold start ({reason}): {message}");
}
