using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research;

[TestFixture]
public class AvellanedaStoikovTablesCommandTests
{
    [Test]
    public void PrintsOneCsvRowPerStrategyAndGamma()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Lean.MarketMaking.Research.Program.Run(new[] { "as-tables", "--paths", "20", "--seed", "3" }, TextReader.Null, stdout, stderr);
        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        var lines = stdout.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(7));
        Assert.That(lines.Skip(1).Select(l => l.Split(',').Length), Is.All.EqualTo(12));
        Assert.That(lines[1], Does.StartWith("0.1,inventory,1.4918,"));
    }

    [TestCase("'--paths'", "--paths")] // System.CommandLine: "Required argument missing for option: '--paths'" (was "option --paths needs an integer value")
    [TestCase("--paths must be an integer, got 'x'", "--paths", "x")]
    [TestCase("unknown option '--bogus'", "--bogus", "1")]
    [TestCase("unknown option 'extra'", "extra")]
    [TestCase("paths", "--paths", "0")]
    [TestCase("paths", "--paths", "1")] // one path used to print NaN standard deviations
    public void RejectsBadOptionsWithOneLineAndExitTwo(string mentions, params string[] options)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.That(Lean.MarketMaking.Research.Program.Run(new[] { "as-tables" }.Concat(options).ToArray(), TextReader.Null, stdout, stderr), Is.EqualTo(2));
        Assert.That(stdout.ToString(), Is.Empty);
        Assert.That(stderr.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr.ToString(), Does.Contain(mentions));
    }
}
