using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.LinearAlgebra;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Risk;
using Lean.MarketMaking.Models.State;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.State;

[TestFixture]
public class MarketMakingStateSerializerTests
{
    private static readonly DateTime Saved = new(2026, 12, 3, 18, 0, 0, DateTimeKind.Utc);

    private static MarketMakingStateSnapshot FullSnapshot(long sequence = 7)
    {
        var state = new MarketMakingState(
                ImmutableArray.Create(3.0, -1.5),
                ImmutableArray.Create(0.0123456789, 0.1 / 3),
                new CorrelationMatrix(new[,] { { 1.0, 0.3 }, { 0.3, 1.0 } }),
                ImmutableArray.Create(0.25, 0.75))
            .WithOrderFlow(1, new HawkesParameters(new[] { 0.5, 0.4 }, new[,] { { 0.3, 0.1 }, { 0.1, 0.3 } }, 2.0))
            .WithJumps(0, new MidPriceJumpParameters(0.1, 0.6, 100, 80, 0.2, 0.01, 0.01, 0.5, 0.3, 4))
            .WithRisk(new RiskMetrics(10, 12, 0.99, 60, 1000, -200));
        var journal = new FillJournal(capacity: 3)
            .Append(new FillRecord(11, 1, 0, Saved.AddSeconds(-3), 100.25, 2, 0.01))
            .Append(new FillRecord(12, 2, 1, Saved.AddSeconds(-2), 50.5, -1, 0));
        return new MarketMakingStateSnapshot(
            sequence,
            Saved,
            state,
            ImmutableArray.Create<IntensityCalibration?>(new IntensityCalibration(1.4, 1.5, 1.3, 1.6), null),
            new[] { new WorkingQuote(0, QuoteSide.Bid, 21, 99.9, 1), new WorkingQuote(0, QuoteSide.Ask, 22, 100.1, 1) },
            journal);
    }

    private static byte[] Envelope(byte[] payload)
    {
        var bytes = new byte[40 + payload.Length];
        Encoding.ASCII.GetBytes("LMMS").CopyTo(bytes, 0);
        BitConverter.GetBytes(payload.Length).CopyTo(bytes, 4);
        SHA256.HashData(payload).CopyTo(bytes, 8);
        payload.CopyTo(bytes, 40);
        return bytes;
    }

    private static byte[] WithPayload(Action<JsonObject> edit)
    {
        var bytes = MarketMakingStateSerializer.Serialize(FullSnapshot());
        var json = JsonNode.Parse(bytes.AsSpan(40).ToArray())!.AsObject();
        edit(json);
        return Envelope(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    private static MarketMakingErrorKind KindOf(byte[] bytes) =>
        Assert.Throws<MarketMakingException>(() => MarketMakingStateSerializer.Deserialize(bytes))!.Kind;

    [Test]
    public void EveryComponentSurvivesTheRoundTrip()
    {
        var original = FullSnapshot();
        var restored = MarketMakingStateSerializer.Deserialize(MarketMakingStateSerializer.Serialize(original));
        var (s, r) = (original.State, restored.State);
        Assert.That(restored.Sequence, Is.EqualTo(7));
        Assert.That(restored.SavedAtUtc, Is.EqualTo(Saved));
        Assert.That(restored.SavedAtUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That(r.Inventory, Is.EqualTo(s.Inventory));
        Assert.That(r.VolatilityPerSqrtSecond, Is.EqualTo(s.VolatilityPerSqrtSecond), "σ bit-exact");
        Assert.That(r.Correlation[0, 1], Is.EqualTo(0.3));
        Assert.That(r.RegimeProbabilities, Is.EqualTo(s.RegimeProbabilities));
        Assert.That(r.OrderFlow[0], Is.Null);
        Assert.That(r.OrderFlow[1]!.Mu, Is.EqualTo(s.OrderFlow[1]!.Mu));
        Assert.That(r.OrderFlow[1]!.AlphaToArray(), Is.EqualTo(s.OrderFlow[1]!.AlphaToArray()));
        Assert.That(r.OrderFlow[1]!.Beta, Is.EqualTo(2.0));
        Assert.That(r.Jumps[1], Is.Null);
        Assert.That(r.Jumps[0]!.VolatilityClustering, Is.EqualTo(0.3));
        Assert.That(r.Jumps[0]!.ClusteringDecayRate, Is.EqualTo(4));
        Assert.That(r.Jumps[0]!.JumpRiskAversion, Is.EqualTo(0.5));
        Assert.That(r.Risk, Is.EqualTo(s.Risk));
        Assert.That(restored.Intensity, Is.EqualTo(original.Intensity), "A/k per side");
        Assert.That(restored.WorkingQuotes, Is.EqualTo(original.WorkingQuotes));
        Assert.That(restored.Journal.Capacity, Is.EqualTo(3));
        Assert.That(restored.Journal.Records, Is.EqualTo(original.Journal.Records));
        Assert.That(MarketMakingStateSerializer.Serialize(restored), Is.EqualTo(MarketMakingStateSerializer.Serialize(original)));
    }

    [Test]
    public void RandomStatesRoundTripBitExact()
    {
        var finite = Gen.Choose(-1_000_000, 1_000_000).Select(i => i * Math.PI / 7);
        var positive = Gen.Choose(1, 1_000_000).Select(i => i * Math.E / 3);
        var fill = from orderId in Gen.Choose(0, int.MaxValue)
                   from eventId in Gen.Choose(0, 100)
                   from seconds in Gen.Choose(0, 86_400)
                   from price in positive
                   from quantity in finite.Where(q => q != 0)
                   from fee in positive
                   select new FillRecord(orderId, eventId, 0, Saved.AddSeconds(seconds), price, quantity, fee);
        var snapshots =
            (from inventory in finite
             from sigma in positive
             from a in positive
             from k in positive
             from bid in positive
             from fills in Gen.ListOf(fill)
             from capacity in Gen.Choose(1, 20)
             from sequence in Gen.Choose(0, int.MaxValue)
             select new MarketMakingStateSnapshot(
                 sequence,
                 Saved,
                 MarketMakingState.Flat(1).WithInventory(ImmutableArray.Create(inventory)).WithVolatility(ImmutableArray.Create(sigma)),
                 ImmutableArray.Create<IntensityCalibration?>(new IntensityCalibration(a, k, k, a)),
                 new[] { new WorkingQuote(0, QuoteSide.Bid, sequence, bid, sigma) },
                 new FillJournal(capacity, fills))).ToArbitrary();
        Prop.ForAll(snapshots, original =>
        {
            var restored = MarketMakingStateSerializer.Deserialize(MarketMakingStateSerializer.Serialize(original));
            return restored.Sequence == original.Sequence
                   && restored.State.Inventory.SequenceEqual(original.State.Inventory)
                   && restored.State.VolatilityPerSqrtSecond.SequenceEqual(original.State.VolatilityPerSqrtSecond)
                   && restored.Intensity.SequenceEqual(original.Intensity)
                   && restored.WorkingQuotes.SequenceEqual(original.WorkingQuotes)
                   && restored.Journal.Records.SequenceEqual(original.Journal.Records)
                   && restored.Journal.DroppedCount == original.Journal.DroppedCount;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Test]
    public void EveryTruncationIsReportedAsCorruptAndRestoresCold()
    {
        var bytes = MarketMakingStateSerializer.Serialize(FullSnapshot());
        for (var length = 0; length < bytes.Length; length++)
        {
            var torn = bytes[..length];
            if (length > 0)
            {
                Assert.That(KindOf(torn), Is.EqualTo(MarketMakingErrorKind.StateCorrupt), $"cut at {length}");
            }

            var restore = MarketMakingStateSerializer.Restore(torn);
            Assert.That(restore.IsColdStart, Is.True);
            Assert.That(restore.ColdStartReason, Is.EqualTo(length == 0 ? ColdStartReason.Missing : ColdStartReason.Corrupt), $"cut at {length}");
        }
    }

    [Test]
    public void AFlippedPayloadByteFailsTheChecksum()
    {
        var bytes = MarketMakingStateSerializer.Serialize(FullSnapshot());
        bytes[^5] ^= 0x01;
        var e = Assert.Throws<MarketMakingException>(() => MarketMakingStateSerializer.Deserialize(bytes))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.StateCorrupt));
        Assert.That(e.Message, Does.Contain("checksum"));
    }

    [Test]
    public void AHugeLengthFieldIsCorruptionNotAnAllocation()
    {
        var bytes = MarketMakingStateSerializer.Serialize(FullSnapshot());
        BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, 4);
        Assert.That(KindOf(bytes), Is.EqualTo(MarketMakingErrorKind.StateCorrupt));
        Assert.That(KindOf(Encoding.ASCII.GetBytes(new string('x', 100))), Is.EqualTo(MarketMakingErrorKind.StateCorrupt), "no magic");
    }

    [TestCase(0)]
    [TestCase(2)]
    public void AnotherFormatVersionIsUnsupportedNotACrash(int version)
    {
        var bytes = WithPayload(json => json["formatVersion"] = version);
        var e = Assert.Throws<MarketMakingException>(() => MarketMakingStateSerializer.Deserialize(bytes))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.StateVersionUnsupported));
        Assert.That(e.ParameterName, Is.EqualTo("formatVersion"));
        Assert.That(MarketMakingStateSerializer.Restore(bytes).ColdStartReason, Is.EqualTo(ColdStartReason.UnsupportedVersion));
    }

    [Test]
    public void WellFormedButInvalidContentIsCorrupt()
    {
        Assert.That(KindOf(WithPayload(json => json.Remove("formatVersion"))), Is.EqualTo(MarketMakingErrorKind.StateCorrupt), "no version");
        Assert.That(KindOf(WithPayload(json => json.Remove("inventory"))), Is.EqualTo(MarketMakingErrorKind.StateCorrupt), "missing field");
        Assert.That(KindOf(WithPayload(json => json["volatilityPerSqrtSecond"]![0] = -1.0)), Is.EqualTo(MarketMakingErrorKind.StateCorrupt), "σ < 0");
        Assert.That(KindOf(WithPayload(json => json["workingQuotes"]![0]!["side"] = "Middle")), Is.EqualTo(MarketMakingErrorKind.StateCorrupt), "unknown side");
        Assert.That(KindOf(WithPayload(json => json["correlation"]![0]![1] = 2.0)), Is.EqualTo(MarketMakingErrorKind.StateCorrupt), "|ρ| > 1");
        Assert.That(KindOf(Envelope(Encoding.UTF8.GetBytes("{\"formatVersion\":1,"))), Is.EqualTo(MarketMakingErrorKind.StateCorrupt), "bad JSON");
    }

    [Test]
    public void NothingSavedIsAMissingColdStart()
    {
        var restore = MarketMakingStateSerializer.Restore(null);
        Assert.That(restore.IsColdStart, Is.True);
        Assert.That(restore.ColdStartReason, Is.EqualTo(ColdStartReason.Missing));
        Assert.That(restore.Message, Does.StartWith("cold start (Missing)"));
        var restored = MarketMakingStateSerializer.Restore(MarketMakingStateSerializer.Serialize(FullSnapshot()));
        Assert.That(restored.IsColdStart, Is.False);
        Assert.That(restored.ColdStartReason, Is.Null);
        Assert.That(restored.Snapshot!.Sequence, Is.EqualTo(7));
    }

    [Test]
    public void StreamsCarryTheSameBytes()
    {
        using var stream = new MemoryStream();
        MarketMakingStateSerializer.Write(FullSnapshot(), stream);
        Assert.That(stream.ToArray(), Is.EqualTo(MarketMakingStateSerializer.Serialize(FullSnapshot())));
        stream.Position = 0;
        Assert.That(MarketMakingStateSerializer.Read(stream).Journal.Records, Has.Length.EqualTo(2));
    }

    [Test]
    public void TheNewestReadableSlotWinsAndATornSlotIsSkipped()
    {
        var older = MarketMakingStateSerializer.Serialize(FullSnapshot(sequence: 5));
        var newer = MarketMakingStateSerializer.Serialize(FullSnapshot(sequence: 6));
        Assert.That(MarketMakingStateSerializer.RestoreNewest(older, newer).Snapshot!.Sequence, Is.EqualTo(6));
        Assert.That(MarketMakingStateSerializer.RestoreNewest(newer, older).Snapshot!.Sequence, Is.EqualTo(6));
        Assert.That(MarketMakingStateSerializer.RestoreNewest(older, newer[..^10]).Snapshot!.Sequence, Is.EqualTo(5), "crash while writing slot 2");
        Assert.That(MarketMakingStateSerializer.RestoreNewest(null, newer[..^10]).ColdStartReason, Is.EqualTo(ColdStartReason.Corrupt));
        Assert.That(MarketMakingStateSerializer.RestoreNewest(null, null).ColdStartReason, Is.EqualTo(ColdStartReason.Missing));
    }

    [Test]
    public void AFileSaveReplacesAtomicallyAndACrashedTemporaryIsIgnored()
    {
        var directory = Directory.CreateTempSubdirectory("mm-state-");
        try
        {
            var path = Path.Combine(directory.FullName, "state.bin");
            Assert.That(MarketMakingStateSerializer.RestoreFile(path).ColdStartReason, Is.EqualTo(ColdStartReason.Missing));
            MarketMakingStateSerializer.SaveFile(path, FullSnapshot(sequence: 1));
            Assert.That(File.Exists(path + ".tmp"), Is.False, "the temporary is renamed, not left behind");

            // a crash while writing the next save: the temporary is torn, the target still holds save #1
            var next = MarketMakingStateSerializer.Serialize(FullSnapshot(sequence: 2));
            File.WriteAllBytes(path + ".tmp", next[..(next.Length / 2)]);
            Assert.That(MarketMakingStateSerializer.RestoreFile(path).Snapshot!.Sequence, Is.EqualTo(1));

            MarketMakingStateSerializer.SaveFile(path, FullSnapshot(sequence: 2));
            Assert.That(MarketMakingStateSerializer.RestoreFile(path).Snapshot!.Sequence, Is.EqualTo(2));

            File.WriteAllBytes(path, next[..100]);
            var corrupt = MarketMakingStateSerializer.RestoreFile(path);
            Assert.That(corrupt.ColdStartReason, Is.EqualTo(ColdStartReason.Corrupt));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
