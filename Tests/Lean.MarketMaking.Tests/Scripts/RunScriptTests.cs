using System.Diagnostics;
using System.IO;
using Lean.MarketMaking.Tests.Support;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Scripts;

/// <summary>
/// run.sh without a LEAN engine: it must stop at once with a short message naming the two ways to provide LEAN,
/// exit code 3, no stack trace, and nothing generated. LEAN_BIN_DIR is pointed at an empty folder so that the test
/// takes the same path on every machine (with NuGet access to QuantConnect.Lean the package path would run a real
/// backtest; that path is covered by the EndToEnd tests).
/// </summary>
[TestFixture]
public class RunScriptTests
{
    [Test]
    public void WithoutLeanItStopsAtOnceNamingBothWaysToProvideIt()
    {
        var empty = Directory.CreateTempSubdirectory("mm-no-lean-").FullName;
        var data = Path.Combine(empty, "data");
        try
        {
            var start = new ProcessStartInfo("bash", $"run.sh")
            {
                WorkingDirectory = SampleData.RepositoryRoot,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            start.Environment["LEAN_BIN_DIR"] = empty;
            start.Environment["MM_DATA_FOLDER"] = data;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEnd();
            var stdout = process.StandardOutput.ReadToEnd();
            Assert.That(process.WaitForExit(60_000), Is.True);

            Assert.That(process.ExitCode, Is.EqualTo(3), stderr);
            Assert.That(stderr, Does.StartWith("run.sh: no LEAN engine available"));
            Assert.That(stderr, Does.Contain("QuantConnect.Lean package").And.Contain("LEAN_BIN_DIR"));
            Assert.That(stderr.Split('\n'), Has.Length.LessThanOrEqualTo(6), "a short message");
            Assert.That(stderr + stdout, Does.Not.Contain("Exception").And.Not.Contain("   at "), "no stack trace");
            Assert.That(Directory.Exists(data), Is.False, "stopped before generating data or building");
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
