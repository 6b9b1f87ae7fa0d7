using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.State;
using QuantConnect.Storage;

namespace Lean.MarketMaking.Algorithms.State;

/// <summary>
/// The restart state in LEAN's ObjectStore under two alternating keys, <c>&lt;key&gt;.0</c> and <c>&lt;key&gt;.1</c>:
/// each save (<see cref="MarketMakingStateSerializer"/> bytes) goes to the slot not holding the newest readable state,
/// so a crash or a torn write mid-save can only spoil the slot being written and the other one still restores
/// (<see cref="MarketMakingStateSerializer.RestoreNewest"/>: the readable slot with the higher sequence wins). The
/// ObjectStore has no rename, hence two keys rather than a temporary file. Nothing here throws for the store's
/// failures: an unreadable slot is a cold start's reason, a failed save is counted and reported.
/// </summary>
public sealed class ObjectStoreStateSlots
{
    private readonly ObjectStore _store;
    private int _nextSlot;

    /// <summary>Creates the slots of <paramref name="key"/> in <paramref name="store"/>.</summary>
    /// <param name="store">LEAN's ObjectStore (<c>QCAlgorithm.ObjectStore</c>).</param>
    /// <param name="key">Key prefix (non-empty), e.g. "mm-state/as".</param>
    public ObjectStoreStateSlots(ObjectStore store, string key)
    {
        _store = store ?? throw Guard.Invalid(nameof(store), "must not be null");
        Key = string.IsNullOrWhiteSpace(key) ? throw Guard.Invalid(nameof(key), "must not be empty") : key;
        SlotKeys = new[] { key + ".0", key + ".1" };
    }

    /// <summary>The key prefix.</summary>
    public string Key { get; }

    /// <summary>The two slots' keys.</summary>
    public string[] SlotKeys { get; }

    /// <summary>Sequence number the next saved snapshot should carry: one more than the newest restored (0 after a cold start).</summary>
    public long NextSequence { get; private set; }

    /// <summary>Successful saves.</summary>
    public long Saves { get; private set; }

    /// <summary>Saves the store refused or failed.</summary>
    public long FailedSaves { get; private set; }

    /// <summary>Why the last failed save failed, or null.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>
    /// Restores the newest readable slot; missing, corrupt or unsupported slots (or a store that cannot be read) give a
    /// cold start with its reason. The next save goes to the other slot than the restored one.
    /// </summary>
    public StateRestoreResult Restore()
    {
        var candidates = new byte[]?[SlotKeys.Length];
        string? unreadable = null;
        for (var i = 0; i < SlotKeys.Length; i++)
        {
            try
            {
                candidates[i] = _store.ContainsKey(SlotKeys[i]) ? _store.ReadBytes(SlotKeys[i]) : null;
            }
            catch (Exception e)
            {
                unreadable ??= $"'{SlotKeys[i]}' could not be read: {e.Message}";
            }
        }

        var result = MarketMakingStateSerializer.RestoreNewest(candidates);
        if (result.Snapshot is { } snapshot)
        {
            NextSequence = snapshot.Sequence + 1;
            var restoredSlot = Array.FindIndex(candidates, c => c is not null && MarketMakingStateSerializer.Restore(c).Snapshot?.Sequence == snapshot.Sequence);
            _nextSlot = (restoredSlot + 1) % SlotKeys.Length;
            return result;
        }

        NextSequence = 0;
        _nextSlot = 0;
        return unreadable is not null && result.ColdStartReason == ColdStartReason.Missing
            ? StateRestoreResult.Cold(ColdStartReason.Corrupt, unreadable)
            : result;
    }

    /// <summary>
    /// Saves <paramref name="snapshot"/> to the slot after the last one written, then alternates; its sequence must be
    /// <see cref="NextSequence"/> or later. Never throws for the store: a refusal or an exception is counted in
    /// <see cref="FailedSaves"/> and the slot is written again at the next save.
    /// </summary>
    /// <returns>Whether the store took the bytes.</returns>
    public bool Save(MarketMakingStateSnapshot snapshot)
    {
        if (snapshot is null || snapshot.Sequence < NextSequence)
        {
            throw Guard.Invalid(nameof(snapshot), $"must carry sequence {NextSequence} or later");
        }

        bool saved;
        try
        {
            saved = _store.SaveBytes(SlotKeys[_nextSlot], MarketMakingStateSerializer.Serialize(snapshot));
            LastFailure = saved ? LastFailure : $"the ObjectStore refused '{SlotKeys[_nextSlot]}' (storage limit?)";
        }
        catch (Exception e)
        {
            saved = false;
            LastFailure = $"'{SlotKeys[_nextSlot]}': {e.Message}";
        }

        if (!saved)
        {
            FailedSaves++;
            return false;
        }

        Saves++;
        NextSequence = snapshot.Sequence + 1;
        _nextSlot = (_nextSlot + 1) % SlotKeys.Length;
        return true;
    }
}
