using System;
using System.IO;
using Lean.MarketMaking.Research;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research;

/// <summary>
/// Issue 13 §5: the console's progress lines go to stderr only when stderr is a terminal; redirected (a script, CI, this
/// test host), stderr holds errors alone and stdout the machine-readable result.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ProgressTests
{
    [Test]
    public void ProgressGoesToStderrOnlyOnATerminal()
    {
        using var stderr = new StringWriter();
        Assert.That(Program.ProgressWriter(stderr, stderrIsTerminal: true), Is.SameAs(stderr));
        Assert.That(Program.ProgressWriter(stderr, stderrIsTerminal: false), Is.SameAs(TextWriter.Null));
    }

    [Test]
    public void ARedirectedRunPrintsNoProgress()
    {
        Assume.That(Console.IsErrorRedirected, Is.True, "the test host redirects the process's stderr");
        var folder = Directory.CreateTempSubdirectory("mm-progress-").FullName;
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Assert.That(Program.Main(new[] { "generate-data", "--out", folder, "--days", "1", "--seed", "1" }), Is.Zero);
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            Directory.Delete(folder, recursive: true);
        }

        Assert.That(stdout.ToString(), Does.StartWith("{"), "the JSON summary on stdout");
        Assert.That(stderr.ToString(), Is.Empty, "no progress line on a redirected stderr");
    }
}
