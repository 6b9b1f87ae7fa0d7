namespace Lean.MarketMaking.Models.State;

/// <summary>Why a restore found no usable saved state and the market maker starts cold (warm-up from history, no quote until ready).</summary>
public enum ColdStartReason
{
    /// <summary>Nothing was saved (first run, or the key/file is absent or empty).</summary>
    Missing,

    /// <summary>The saved bytes are unreadable: truncated, torn mid-write, checksum mismatch, or malformed content.</summary>
    Corrupt,

    /// <summary>The saved state has a format version this build does not read.</summary>
    UnsupportedVersion,
}
