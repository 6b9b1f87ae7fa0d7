using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;
using QuantConnect.Algorithm;

namespace Lean.MarketMaking.Tests.LeanCli;

/// <summary>
/// The lean CLI project template <c>templates/lean-project/MarketMaking</c> (issue 13 §1) checked with the lean CLI's
/// own rules, re-implemented from its source (QuantConnect/lean-cli 5277bb6): the algorithm class is found with the
/// regex of <c>lean/components/config/lean_config_manager.py</c> line 271 on Main.cs; the project's csproj is the first
/// <c>*.csproj</c> of the folder (<c>project_manager.py</c> <c>get_csproj_file_path</c>) and targets the engine's
/// framework; before compiling in its container the CLI turns every <c>PackageReference</c> whose <c>Include</c> starts
/// with "quantconnect." (any case) into one <c>Reference Include="/Lean/Launcher/bin/Debug/*.dll"</c> with
/// <c>Private=False</c> and drops the others of that kind (<c>lean/components/docker/lean_runner.py</c>
/// <c>_ensure_csproj_is_valid</c>; <c>LEAN_ROOT_PATH</c> in <c>lean/constants.py</c>); <see cref="LeanCliRules"/>.
/// The csproj is the CLI's default one (<c>project_manager.py</c> <c>get_csproj_file_default_content</c>): the plugin
/// comes in by <c>lean library add</c> (<see cref="LeanCliLibraryLayoutTests"/>). Main.cs itself is compiled into this
/// test assembly against the LEAN reference surface, so it uses only LEAN members that exist with those signatures;
/// the EndToEnd <c>LeanCliLocalBuildTests</c> compiles it with the library against a LEAN build as the CLI does.
/// </summary>
[TestFixture]
public class LeanCliProjectTemplateTests
{
    private const string LeanCliAlgorithmClass = LeanCliRules.CSharpAlgorithmClass;

    private static string Template => Path.Combine(RepositoryRoot(), "templates", "lean-project", "MarketMaking");

    [Test]
    public void TheCliFindsTheAlgorithmClassOfMainCs()
    {
        var matches = Regex.Matches(File.ReadAllText(Path.Combine(Template, "Main.cs")), LeanCliAlgorithmClass);
        Assert.That(matches.Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "MarketMakingAlgorithm" }), "the CLI takes the first match");
        Assert.That(typeof(QuantConnect.Algorithm.CSharp.MarketMakingAlgorithm).BaseType, Is.EqualTo(typeof(QCAlgorithm)));

        // why the template composes the modules itself: an example's subclass is not found by the CLI
        var example = File.ReadAllText(Path.Combine(RepositoryRoot(), "Algorithms", "Examples", "AvellanedaStoikovAlgorithm.cs"));
        Assert.That(Regex.IsMatch(example, LeanCliAlgorithmClass), Is.False);
        Assert.That(Regex.IsMatch("public class MyMM : AvellanedaStoikovAlgorithm { }", LeanCliAlgorithmClass), Is.False);
    }

    [Test]
    public void TheCsprojIsTheCliDefaultOneAndItsRewriteReferencesTheContainersLean()
    {
        var projects = Directory.GetFiles(Template, "*.csproj");
        Assert.That(projects.Select(Path.GetFileName), Is.EqualTo(new[] { "MarketMaking.csproj" }), "one csproj, named after the folder");
        Assert.That(LeanCliRules.CsprojOf(Template), Is.EqualTo(projects[0]));
        var csproj = XDocument.Load(projects[0]);
        Assert.That(csproj.Descendants("TargetFramework").Select(e => e.Value), Is.EqualTo(new[] { "net10.0" }), "LEAN master's framework");

        Assert.That(LeanCliRules.RewriteLeanReferences(csproj, LeanCliRules.ContainerLeanRoot), Is.True, "the CLI compiles the project against its own LEAN");
        Assert.That(csproj.Descendants("Reference").Select(r => r.Attribute("Include")!.Value), Is.EqualTo(new[] { "/Lean/Launcher/bin/Debug/*.dll" }));
        Assert.That(csproj.Descendants("PackageReference"), Is.Empty,
            "the plugin is added by `lean library add` (a ProjectReference, LeanCliLibraryLayoutTests) or as a package by the user");
    }

    [Test]
    public void ConfigJsonDeclaresTheLanguageAndEveryParameterMainCsReads()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Template, "config.json")));
        Assert.That(config.RootElement.GetProperty("algorithm-language").GetString(), Is.EqualTo("CSharp"));
        var parameters = config.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToArray();
        var read = Regex.Matches(File.ReadAllText(Path.Combine(Template, "Main.cs")), "GetParameter\\(\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.That(read, Is.Not.Empty);
        Assert.That(parameters, Is.EquivalentTo(read), "each parameter read is in config.json, and nothing else");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "run.sh")))
            {
                return dir.FullName;
            }
        }

        throw new AssertionException("run.sh not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
