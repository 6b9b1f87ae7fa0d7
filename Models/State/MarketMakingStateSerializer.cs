using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Volatility;
using Lean.MarketMaking.Models.LinearAlgebra;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Risk;

namespace Lean.MarketMaking.Models.State;

/// <summary>
/// Writes and reads a <see cref="MarketMakingStateSnapshot"/> as bytes, storage-agnostic (byte[] or <see cref="Stream"/>).
/// Format: an envelope — 4 ASCII bytes <c>LMMS</c>, the payload length (Int32, little-endian), the SHA-256 of the
/// payload (32 bytes) — then the payload, UTF-8 JSON (System.Text.Json, camelCase) whose <c>formatVersion</c> field is
/// <see cref="FormatVersion"/>. A truncated or torn write fails the length or checksum test and reads as
/// <see cref="MarketMakingErrorKind.StateCorrupt"/>; another version reads as
/// <see cref="MarketMakingErrorKind.StateVersionUnsupported"/>; <see cref="Restore(byte[])"/> turns either, or missing
/// bytes, into a logged cold start instead of an exception.
/// </summary>
/// <remarks>
/// In LEAN the layer above will save with <c>QuantConnect.Storage.ObjectStore.SaveBytes(key, Serialize(snapshot))</c> on a
/// schedule and on every fill, and restore in <c>Initialize</c> with
/// <c>Restore(ObjectStore.ContainsKey(key) ? ObjectStore.ReadBytes(key) : null)</c>. The ObjectStore has no rename, so
/// atomicity there comes from alternating two keys and keeping the newest readable <see cref="MarketMakingStateSnapshot.Sequence"/>
/// (<see cref="RestoreNewest"/>): a crash mid-write can only tear the slot being written. On a file system
/// <see cref="SaveFile"/> writes a temporary file and renames it over the target.
/// </remarks>
public static class MarketMakingStateSerializer
{
    /// <summary>The format version this build writes and the only one it reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Largest payload accepted, 64 MiB: a larger length field is taken for corruption, never allocated.</summary>
    public const int MaxPayloadBytes = 64 * 1024 * 1024;

    private const int HashBytes = 32;
    private const int HeaderBytes = 4 + 4 + HashBytes;
    private static readonly byte[] Magic = "LMMS"u8.ToArray();

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // the intensity counts' "no mid yet" (NaN) and "no trade yet" (-Infinity) round-trip as "NaN" and "-Infinity"
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The snapshot as enveloped bytes.</summary>
    public static byte[] Serialize(MarketMakingStateSnapshot snapshot)
    {
        if (snapshot is null)
        {
            throw Guard.Invalid(nameof(snapshot), "must not be null");
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(ToJson(snapshot), Options);
        var bytes = new byte[HeaderBytes + payload.Length];
        Magic.CopyTo(bytes, 0);
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 4), payload.Length);
        if (!BitConverter.IsLittleEndian)
        {
            bytes.AsSpan(4, 4).Reverse();
        }

        SHA256.HashData(payload, bytes.AsSpan(8, HashBytes));
        payload.CopyTo(bytes, HeaderBytes);
        return bytes;
    }

    /// <summary>Writes the enveloped snapshot to <paramref name="destination"/>.</summary>
    public static void Write(MarketMakingStateSnapshot snapshot, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(Serialize(snapshot));
    }

    /// <summary>Reads a snapshot from enveloped bytes.</summary>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.StateCorrupt"/> for truncated, torn, oversized or malformed bytes;
    /// <see cref="MarketMakingErrorKind.StateVersionUnsupported"/> for another format version.
    /// </exception>
    public static MarketMakingStateSnapshot Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderBytes)
        {
            throw Corrupt($"{bytes.Length} bytes is shorter than the {HeaderBytes}-byte header (truncated)");
        }

        if (!bytes[..4].SequenceEqual(Magic))
        {
            throw Corrupt("the header does not start with 'LMMS' (not a saved market-making state)");
        }

        var lengthBytes = bytes.Slice(4, 4).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            Array.Reverse(lengthBytes);
        }

        var length = BitConverter.ToInt32(lengthBytes);
        if (length < 0 || length > MaxPayloadBytes)
        {
            throw Corrupt($"payload length {length} is outside [0, {MaxPayloadBytes}]");
        }

        if (bytes.Length != HeaderBytes + length)
        {
            throw Corrupt($"the header announces {length} payload bytes but {bytes.Length - HeaderBytes} follow (truncated or torn write)");
        }

        var payload = bytes[HeaderBytes..];
        Span<byte> hash = stackalloc byte[HashBytes];
        SHA256.HashData(payload, hash);
        if (!hash.SequenceEqual(bytes.Slice(8, HashBytes)))
        {
            throw Corrupt("the SHA-256 checksum does not match the payload");
        }

        StateJson? json;
        try
        {
            json = JsonSerializer.Deserialize<StateJson>(payload, Options);
        }
        catch (JsonException e)
        {
            throw Corrupt($"the payload is not valid JSON: {e.Message}", e);
        }

        if (json?.FormatVersion is not { } version)
        {
            throw Corrupt("the payload has no formatVersion");
        }

        if (version != FormatVersion)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.StateVersionUnsupported,
                $"saved format version {version}; this build reads only version {FormatVersion}",
                "formatVersion");
        }

        try
        {
            return FromJson(json);
        }
        catch (Exception e) when (e is MarketMakingException or ArgumentException)
        {
            throw Corrupt($"the saved values are invalid: {e.Message}", e);
        }
    }

    /// <summary>Reads a snapshot from <paramref name="source"/> (to its end, at most the largest envelope).</summary>
    /// <exception cref="MarketMakingException">As <see cref="Deserialize"/>.</exception>
    public static MarketMakingStateSnapshot Read(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > HeaderBytes + MaxPayloadBytes)
            {
                throw Corrupt($"more than {HeaderBytes + MaxPayloadBytes} bytes (oversized)");
            }
        }

        return Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Restores from saved bytes, never throwing for bad bytes: null or empty is a <see cref="ColdStartReason.Missing"/> cold start, unreadable bytes a <see cref="ColdStartReason.Corrupt"/> or <see cref="ColdStartReason.UnsupportedVersion"/> one.</summary>
    public static StateRestoreResult Restore(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return StateRestoreResult.Cold(ColdStartReason.Missing, "no saved state");
        }

        try
        {
            return StateRestoreResult.Restored(Deserialize(bytes));
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.StateVersionUnsupported)
        {
            return StateRestoreResult.Cold(ColdStartReason.UnsupportedVersion, e.Message);
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.StateCorrupt)
        {
            return StateRestoreResult.Cold(ColdStartReason.Corrupt, e.Message);
        }
    }

    /// <summary>
    /// Restores the readable candidate with the highest <see cref="MarketMakingStateSnapshot.Sequence"/> (e.g. two alternating
    /// save slots); when none is readable, the cold start of the first unreadable one (or <see cref="ColdStartReason.Missing"/>).
    /// </summary>
    public static StateRestoreResult RestoreNewest(params byte[]?[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        StateRestoreResult? best = null;
        StateRestoreResult? firstCold = null;
        foreach (var candidate in candidates)
        {
            var result = Restore(candidate);
            if (result.Snapshot is { } snapshot)
            {
                if (best?.Snapshot is null || snapshot.Sequence > best.Snapshot.Sequence)
                {
                    best = result;
                }
            }
            else if (firstCold is null || firstCold.ColdStartReason == ColdStartReason.Missing)
            {
                firstCold = result;
            }
        }

        return best ?? firstCold ?? StateRestoreResult.Cold(ColdStartReason.Missing, "no saved state");
    }

    /// <summary>
    /// Saves atomically to a file: writes <paramref name="path"/>.tmp, flushes it to disk, then renames it over
    /// <paramref name="path"/>, so a crash leaves either the old or the new state, never a torn one.
    /// </summary>
    public static void SaveFile(string path, MarketMakingStateSnapshot snapshot)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Serialize(snapshot);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Restores from a file saved by <see cref="SaveFile"/>; a missing file is a <see cref="ColdStartReason.Missing"/> cold start.</summary>
    public static StateRestoreResult RestoreFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Restore(File.Exists(path) ? File.ReadAllBytes(path) : null);
    }

    private static MarketMakingException Corrupt(string why, Exception? inner = null) =>
        new(MarketMakingErrorKind.StateCorrupt, why, null, inner);

    private static StateJson ToJson(MarketMakingStateSnapshot snapshot)
    {
        var state = snapshot.State;
        return new StateJson
        {
            FormatVersion = FormatVersion,
            Sequence = snapshot.Sequence,
            SavedAtUtcTicks = snapshot.SavedAtUtc.Ticks,
            Inventory = state.Inventory.ToArray(),
            VolatilityPerSqrtSecond = state.VolatilityPerSqrtSecond.ToArray(),
            Correlation = ToJagged(state.Correlation.ToMatrix().ToArray()),
            RegimeProbabilities = state.RegimeProbabilities.ToArray(),
            OrderFlow = state.OrderFlow.Select(h => h is null ? null : new HawkesJson
            {
                Mu = h.Mu.ToArray(),
                Alpha = ToJagged(h.AlphaToArray()),
                Beta = h.Beta,
            }).ToList(),
            Jumps = state.Jumps.Select(j => j is null ? null : new JumpsJson
            {
                JumpIntensity = j.JumpIntensity,
                UpwardJumpProbability = j.UpwardJumpProbability,
                UpwardJumpRate = j.UpwardJumpRate,
                DownwardJumpRate = j.DownwardJumpRate,
                MarketOrderJumpProbability = j.MarketOrderJumpProbability,
                BuyOrderJumpSize = j.BuyOrderJumpSize,
                SellOrderJumpSize = j.SellOrderJumpSize,
                JumpRiskAversion = j.JumpRiskAversion,
                VolatilityClustering = j.VolatilityClustering,
                ClusteringDecayRate = j.ClusteringDecayRate,
            }).ToList(),
            Risk = state.Risk is not { } r ? null : new RiskJson
            {
                ValueAtRisk = r.ValueAtRisk,
                ExpectedShortfall = r.ExpectedShortfall,
                ConfidenceLevel = r.ConfidenceLevel,
                HorizonSeconds = r.HorizonSeconds,
                GrossExposure = r.GrossExposure,
                NetExposure = r.NetExposure,
            },
            Intensity = snapshot.Intensity.Select(c => c is null ? null : new IntensityJson
            {
                BidAPerSecond = c.BidAPerSecond,
                BidKPerPriceUnit = c.BidKPerPriceUnit,
                AskAPerSecond = c.AskAPerSecond,
                AskKPerPriceUnit = c.AskKPerPriceUnit,
            }).ToList(),
            WorkingQuotes = snapshot.WorkingQuotes.Select(q => new WorkingQuoteJson
            {
                Asset = q.Asset,
                Side = q.Side,
                OrderId = q.OrderId,
                LimitPrice = q.LimitPrice,
                Quantity = q.Quantity,
            }).ToList(),
            Journal = new JournalJson
            {
                Capacity = snapshot.Journal.Capacity,
                DroppedCount = snapshot.Journal.DroppedCount,
                Records = snapshot.Journal.Records.Select(f => new FillJson
                {
                    OrderId = f.OrderId,
                    OrderEventId = f.OrderEventId,
                    Asset = f.Asset,
                    TimeUtcTicks = f.TimeUtc.Ticks,
                    FillPrice = f.FillPrice,
                    FillQuantity = f.FillQuantity,
                    Fee = f.Fee,
                }).ToList(),
            },
            Estimators = snapshot.Estimators.Select(e => e is null ? null : new EstimatorsJson
            {
                Volatility = ToJson(e.Volatility),
                Intensity = e.Intensity is not { } i ? null : new IntensityCountsJson
                {
                    BidCounts = i.BidCounts.ToArray(),
                    AskCounts = i.AskCounts.ToArray(),
                    Intervals = i.Intervals,
                    IntervalStartTicks = i.IntervalStartTicks,
                    LastEventTicks = i.LastEventTicks,
                    Mid = i.Mid,
                    PriorMid = i.PriorMid,
                    DeepestBid = i.DeepestBid,
                    DeepestAsk = i.DeepestAsk,
                    Interrupted = i.Interrupted,
                },
                OrderFlow = e.OrderFlow is not { } h ? null : new HawkesTrackerJson { Excitation = h.Excitation.ToArray(), LastTime = h.LastTime },
                Jumps = e.Jumps is not { } j ? null : new LeeMyklandJson
                {
                    Products = j.Products.ToArray(),
                    Next = j.Next,
                    Filled = j.Filled,
                    SinceResum = j.SinceResum,
                    Sum = j.Sum,
                    LastTimeSeconds = j.LastTimeSeconds,
                    LastPrice = j.LastPrice,
                    LastAbsReturn = j.LastAbsReturn,
                    Count = j.Count,
                    HasLastPrice = j.HasLastPrice,
                    HasLastReturn = j.HasLastReturn,
                },
            }).ToList(),
            Covariance = ToJson(snapshot.Covariance),
        };
    }

    private static EwmaJson? ToJson(EwmaCovarianceState? state) => state is null ? null : new EwmaJson
    {
        HalfLifeSeconds = state.HalfLifeSeconds,
        WeightedProducts = state.WeightedProducts.ToArray(),
        LastLogPrices = state.LastLogPrices.ToArray(),
        WeightedSeconds = state.WeightedSeconds,
        LastTimeSeconds = state.LastTimeSeconds,
        HasLastPrices = state.HasLastPrices,
        Count = state.Count,
    };

    private static EwmaCovarianceState? FromJson(EwmaJson? json, string name) => json is null ? null : new EwmaCovarianceState(
        json.HalfLifeSeconds,
        ImmutableArray.Create(Required(json.WeightedProducts, $"{name}.weightedProducts")),
        ImmutableArray.Create(Required(json.LastLogPrices, $"{name}.lastLogPrices")),
        json.WeightedSeconds,
        json.LastTimeSeconds,
        json.HasLastPrices,
        json.Count);

    private static AssetEstimatorStates? FromJson(EstimatorsJson? json) => json is null ? null : new AssetEstimatorStates(
        FromJson(json.Volatility, "estimators[].volatility"),
        json.Intensity is not { } i ? null : new TradingIntensityState(
            ImmutableArray.Create(Required(i.BidCounts, "estimators[].intensity.bidCounts")),
            ImmutableArray.Create(Required(i.AskCounts, "estimators[].intensity.askCounts")),
            i.Intervals, i.IntervalStartTicks, i.LastEventTicks, i.Mid, i.PriorMid, i.DeepestBid, i.DeepestAsk, i.Interrupted),
        json.OrderFlow is not { } h ? null : new HawkesTrackerState(
            ImmutableArray.Create(Required(h.Excitation, "estimators[].orderFlow.excitation")), h.LastTime),
        json.Jumps is not { } j ? null : new LeeMyklandState(
            ImmutableArray.Create(Required(j.Products, "estimators[].jumps.products")),
            j.Next, j.Filled, j.SinceResum, j.Sum, j.LastTimeSeconds, j.LastPrice, j.LastAbsReturn, j.Count, j.HasLastPrice, j.HasLastReturn));

    private static MarketMakingStateSnapshot FromJson(StateJson json)
    {
        var inventory = Required(json.Inventory, "inventory");
        var correlation = Required(json.Correlation, "correlation");
        var state = new MarketMakingState(
            ImmutableArray.Create(inventory),
            ImmutableArray.Create(Required(json.VolatilityPerSqrtSecond, "volatilityPerSqrtSecond")),
            new CorrelationMatrix(ToRectangular(correlation, "correlation")),
            ImmutableArray.Create(Required(json.RegimeProbabilities, "regimeProbabilities")),
            Required(json.OrderFlow, "orderFlow").Select(h => h is null ? null : new HawkesParameters(
                Required(h.Mu, "orderFlow.mu"), ToRectangular(Required(h.Alpha, "orderFlow.alpha"), "orderFlow.alpha"), h.Beta)).ToImmutableArray(),
            Required(json.Jumps, "jumps").Select(j => j is null ? null : new MidPriceJumpParameters(
                j.JumpIntensity, j.UpwardJumpProbability, j.UpwardJumpRate, j.DownwardJumpRate, j.MarketOrderJumpProbability,
                j.BuyOrderJumpSize, j.SellOrderJumpSize, j.JumpRiskAversion, j.VolatilityClustering, j.ClusteringDecayRate)).ToImmutableArray(),
            json.Risk is not { } r ? null : new RiskMetrics(r.ValueAtRisk, r.ExpectedShortfall, r.ConfidenceLevel, r.HorizonSeconds, r.GrossExposure, r.NetExposure));
        var journal = Required(json.Journal, "journal");
        return new MarketMakingStateSnapshot(
            json.Sequence,
            new DateTime(Ticks(json.SavedAtUtcTicks, "savedAtUtcTicks"), DateTimeKind.Utc),
            state,
            Required(json.Intensity, "intensity").Select(c => c is null ? null : new IntensityCalibration(
                c.BidAPerSecond, c.BidKPerPriceUnit, c.AskAPerSecond, c.AskKPerPriceUnit)).ToImmutableArray(),
            Required(json.WorkingQuotes, "workingQuotes").Select(q => new WorkingQuote(
                Required(q, "workingQuotes[]").Asset, q.Side, q.OrderId, q.LimitPrice, q.Quantity)),
            new FillJournal(
                journal.Capacity,
                Required(journal.Records, "journal.records").Select(f => new FillRecord(
                    Required(f, "journal.records[]").OrderId, f.OrderEventId, f.Asset,
                    new DateTime(Ticks(f.TimeUtcTicks, "journal.records[].timeUtcTicks"), DateTimeKind.Utc),
                    f.FillPrice, f.FillQuantity, f.Fee)),
                journal.DroppedCount),
            json.Estimators is null ? default : json.Estimators.Select(FromJson).ToImmutableArray(),
            FromJson(json.Covariance, "covariance"));
    }

    private static T Required<T>(T? value, string name)
        where T : class =>
        value ?? throw Guard.Invalid(name, "is missing");

    private static long Ticks(long ticks, string name) =>
        ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            ? ticks
            : throw Guard.Invalid(name, $"{ticks} is not a valid time");

    private static double[][] ToJagged(double[,] values)
    {
        var rows = new double[values.GetLength(0)][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[values.GetLength(1)];
            for (var j = 0; j < rows[i].Length; j++)
            {
                rows[i][j] = values[i, j];
            }
        }

        return rows;
    }

    private static double[,] ToRectangular(double[][] rows, string name)
    {
        var columns = rows.Length == 0 ? 0 : Required(rows[0], name).Length;
        var values = new double[rows.Length, columns];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = Required(rows[i], name);
            if (row.Length != columns)
            {
                throw Guard.Invalid(name, $"row {i} has {row.Length} entries, row 0 has {columns}");
            }

            for (var j = 0; j < columns; j++)
            {
                values[i, j] = row[j];
            }
        }

        return values;
    }
}
