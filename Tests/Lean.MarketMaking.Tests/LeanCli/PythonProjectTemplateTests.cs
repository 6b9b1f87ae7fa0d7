using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanCli;

/// <summary>
/// Issue 13 §3, offline: the Python project <c>templates/lean-project-python/MarketMaking</c> is a lean CLI Python
/// project (main.py, config.json with <c>algorithm-language</c> Python; lean-cli lean_config_manager.py runs main.py),
/// every parameter main.py reads is in its config.json, and every C# name it imports from the plugin is a public type of
/// the plugin's assemblies in that namespace (so a rename fails here, not only in the EndToEnd run in real LEAN,
/// <c>ExampleBacktestTests.ThePythonAlgorithmQuotesAndFillsThroughTheCSharpModules</c>).
/// </summary>
[TestFixture]
public class PythonProjectTemplateTests
{
    private static string Template => Path.Combine(LeanCliLibraryLayoutTests.RepositoryRoot(), "templates", "lean-project-python", "MarketMaking");

    [Test]
    public void ConfigJsonDeclaresPythonAndEveryParameterMainPyReads()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Template, "config.json")));
        Assert.That(config.RootElement.GetProperty("algorithm-language").GetString(), Is.EqualTo("Python"));
        var parameters = config.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToArray();
        var read = Regex.Matches(File.ReadAllText(Path.Combine(Template, "main.py")), "get_parameter\\(\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.That(read, Is.Not.Empty);
        Assert.That(parameters, Is.EquivalentTo(read), "each parameter read is in config.json, and nothing else");
        Assert.That(File.ReadAllText(Path.Combine(Template, "main.py")), Does.Match(@"class\s*MarketMakingAlgorithm\s*\(\s*QCAlgorithm\s*\)"));
    }

    [Test]
    public void EveryPluginNameMainPyImportsIsAPublicTypeInThatNamespace()
    {
        var text = File.ReadAllText(Path.Combine(Template, "main.py"));
        var imports = Regex.Matches(text, @"from\s+(Lean\.MarketMaking[\w.]*)\s+import\s+(\([^)]*\)|[^\n]+)")
            .SelectMany(m => m.Groups[2].Value.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(name => m.Groups[1].Value + "." + name))
            .ToArray();
        Assert.That(imports, Has.Length.GreaterThanOrEqualTo(8), "the quoting model, portfolio construction, risk, execution and fill modules");
        var assemblies = new[] { typeof(IQuotingModel).Assembly, typeof(InventoryLimits).Assembly, typeof(MarketMakingExecutionModel).Assembly };
        foreach (var name in imports)
        {
            Assert.That(assemblies.Select(a => a.GetType(name)).SingleOrDefault(t => t is not null)?.IsPublic, Is.True, name);
        }

        var references = Regex.Matches(text, "AddReference\\(\"([^\"]+)\"\\)").Select(m => m.Groups[1].Value);
        Assert.That(references, Is.EquivalentTo(assemblies.Select(a => a.GetName().Name)), "the assemblies it imports from are the ones it references");
    }
}
