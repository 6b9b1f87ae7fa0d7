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

    [Test]
    public void RejectsBadOptions()
    {
        var stderr = new StringWriter();
        Assert.That(Lean.MarketMaking.Research.Program.Run(new[] { "as-tables", "--paths" }, TextReader.Null, new StringWriter(), stderr), Is.EqualTo(2));
        Assert.That(Lean.MarketMaking.Research.Program.Run(new[] { "as-tables", "--bogus", "1" }, TextReader.Null, new StringWriter(), stderr), Is.EqualTo(2));
        Assert.That(Lean.MarketMaking.Research.Program.Run(new[] { "as-tables", "--paths", "0" }, TextReader.Null, new StringWriter(), stderr), Is.EqualTo(2));
    }
}
