using System.Collections.Generic;
using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.State;

/// <summary>
/// The most recent fills, oldest first, capped at <see cref="Capacity"/> records: appending to a full journal drops the
/// oldest record and counts it in <see cref="DroppedCount"/>, so the saved state stays bounded in size however long the
/// strategy runs. Immutable: <see cref="Append"/> returns a new journal.
/// </summary>
public sealed class FillJournal
{
    /// <summary>The default cap, 10,000 fills (about 1.5 MB of saved JSON).</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>Creates a journal.</summary>
    /// <param name="capacity">Most records kept (&gt; 0).</param>
    /// <param name="records">Records, oldest first; if more than <paramref name="capacity"/>, the oldest are dropped and counted.</param>
    /// <param name="droppedCount">Records already dropped before these (≥ 0).</param>
    public FillJournal(int capacity = DefaultCapacity, IEnumerable<FillRecord>? records = null, long droppedCount = 0)
    {
        Capacity = Guard.Positive(capacity, nameof(capacity));
        DroppedCount = droppedCount >= 0 ? droppedCount : throw Guard.Invalid(nameof(droppedCount), $"must be >= 0, got {droppedCount}");
        var all = records is null ? ImmutableArray<FillRecord>.Empty : records.ToImmutableArray();
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i] is null)
            {
                throw Guard.Invalid($"{nameof(records)}[{i}]", "must not be null");
            }
        }

        var excess = System.Math.Max(0, all.Length - capacity);
        Records = excess == 0 ? all : all.RemoveRange(0, excess);
        DroppedCount += excess;
    }

    /// <summary>Most records kept.</summary>
    public int Capacity { get; }

    /// <summary>The kept records, oldest first.</summary>
    public ImmutableArray<FillRecord> Records { get; }

    /// <summary>How many records were dropped (oldest first) to respect the cap, over the journal's whole life.</summary>
    public long DroppedCount { get; }

    /// <summary>A journal with <paramref name="fill"/> appended; when full, the oldest record is dropped and counted.</summary>
    public FillJournal Append(FillRecord fill)
    {
        if (fill is null)
        {
            throw Guard.Invalid(nameof(fill), "must not be null");
        }

        return new FillJournal(Capacity, Records.Add(fill), DroppedCount);
    }

    /// <summary>Whether the fill identified by order id and event id is journalled.</summary>
    public bool Contains(long orderId, int orderEventId)
    {
        foreach (var record in Records)
        {
            if (record.OrderId == orderId && record.OrderEventId == orderEventId)
            {
                return true;
            }
        }

        return false;
    }
}
