using System.CommandLine;
using System.IO;
using System.Linq;
using Lean.MarketMaking.Research;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research;

/// <summary>The console's command line (System.CommandLine): help everywhere, typo suggestions, one-line errors with exit code 2.</summary>
[TestFixture]
public class ProgramTests
{
    private static readonly string[][] CommandPaths =
    {
        new[] { "quote" }, new[] { "as-tables" }, new[] { "hawkes" }, new[] { "hawkes", "loglik" }, new[] { "hawkes", "fit" },
        new[] { "calibrate" }, new[] { "generate-data" }, new[] { "anchor" }, new[] { "risk" }, new[] { "risk", "backtest" }, new[] { "report" },
    };

    [Test]
    public void RootHelpListsEveryCommandOnStdoutAndExitsZero()
    {
        var (code, stdout, stderr) = Run("--help");
        Assert.That(code, Is.Zero);
        Assert.That(stderr, Is.Empty);
        foreach (var path in CommandPaths.Where(p => p.Length == 1))
        {
            Assert.That(stdout, Does.Contain("  " + path[0]), path[0]);
        }
    }

    [TestCaseSource(nameof(CommandPaths))]
    public void EveryCommandHasHelp(string[] path)
    {
        // as-tables --help used to be an error ("unknown option '--help'").
        var (code, stdout, stderr) = Run(path.Append("--help").ToArray());
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("Usage:").And.Contain(string.Join(" ", path)));
        Assert.That(stderr, Is.Empty);
    }

    [Test]
    public void EveryOptionAndCommandIsDocumented()
    {
        var root = Program.CreateRoot(TextReader.Null, TextWriter.Null, TextWriter.Null);
        foreach (var command in root.Subcommands.Concat(root.Subcommands.SelectMany(c => c.Subcommands)))
        {
            Assert.That(command.Description, Is.Not.Null.And.Not.Empty, command.Name);
            foreach (var option in command.Options)
            {
                Assert.That(option.Description, Is.Not.Null.And.Not.Empty, $"{command.Name} {option.Name}");
            }
        }
    }

    [TestCase("unknown option '--sed'; did you mean '--seed'?", "as-tables", "--sed", "3")]
    [TestCase("unknown command 'quot'; did you mean 'quote'?", "quot")]
    [TestCase("unknown option '--seconds'", "generate-data", "--out", "x", "--seconds", "3")]
    [TestCase("did you mean 'fit'?", "hawkes", "fir")]
    [TestCase("give a command: quote, as-tables", new string[0])]
    [TestCase("--paths must be an integer, got 'x'", "as-tables", "--paths", "x")]
    [TestCase("is required", "calibrate", "--data", "d")]
    public void BadCommandLinePrintsOneLineAndExitsTwo(string mentions, params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), stderr);
        Assert.That(stderr, Does.StartWith("error: ").And.Contain(mentions));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
