using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanCli;

/// <summary>
/// Issue 13 §1: <c>scripts/lean-library.sh</c> lays the plugin out as a lean CLI library (the csproj and config.json of
/// <c>templates/lean-library/LeanMarketMaking</c> plus the plugin's .cs files), checked with the CLI's rules
/// (<see cref="LeanCliRules"/>, re-implemented from lean-cli 5277bb6) in a CLI root made in a temporary folder:
/// <c>lean library add MarketMaking Library/LeanMarketMaking</c> accepts it and adds it to the project template; the
/// CLI's csproj rewriting turns every QuantConnect package reference into the container's LEAN when the library is
/// below the compile root; nothing shadows the CLI's Directory.Build.props; and the source needs no package beyond
/// MathNet.Numerics 5.0.0 (QuantConnect Cloud's list has it; Cloud compiles a library's .cs files, no csproj).
/// </summary>
[TestFixture]
public class LeanCliLibraryLayoutTests
{
    private string _cliRoot = null!;

    private string Library => Path.Combine(_cliRoot, "Library", "LeanMarketMaking");

    private string Project => Path.Combine(_cliRoot, "MarketMaking");

    [SetUp]
    public void MakeCliRoot()
    {
        _cliRoot = Directory.CreateTempSubdirectory("mm-lean-cli-").FullName;
        LayOut(RepositoryRoot(), Library);
        CopyFolder(Path.Combine(RepositoryRoot(), "templates", "lean-project", "MarketMaking"), Project);
    }

    [TearDown]
    public void RemoveCliRoot() => Directory.Delete(_cliRoot, recursive: true);

    [Test]
    public void LeanLibraryAddAcceptsTheLayoutAndReferencesItFromTheProject()
    {
        Assert.That(LeanCliRules.IsLeanLibrary(_cliRoot, Library), Is.True, "a folder under Library/ with an algorithm-language");
        Assert.That(LeanCliRules.LanguageOf(Library), Is.EqualTo("CSharp"));
        Assert.That(Path.GetFileName(LeanCliRules.CsprojOf(Library)), Is.EqualTo("LeanMarketMaking.csproj"), "a csproj directly in the library folder");
        Assert.That(Directory.GetFiles(Library, "*.csproj"), Has.Length.EqualTo(1), "only one, so the CLI's pick is unambiguous");

        Assert.That(LeanCliRules.AddLibrary(_cliRoot, Project, Library), Is.False, "added");
        var csproj = XDocument.Load(LeanCliRules.CsprojOf(Project)!);
        Assert.That(csproj.Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value),
            Is.EqualTo(new[] { "../Library/LeanMarketMaking/LeanMarketMaking.csproj" }));
        using (var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Project, "config.json"))))
        {
            var library = config.RootElement.GetProperty("libraries").EnumerateArray().Single();
            Assert.That(library.GetProperty("name").GetString(), Is.EqualTo("LeanMarketMaking"));
            Assert.That(library.GetProperty("path").GetString(), Is.EqualTo("Library/LeanMarketMaking"));
        }

        Assert.That(LeanCliRules.AddLibrary(_cliRoot, Project, Library), Is.True, "a second add changes nothing");
        Assert.That(XDocument.Load(LeanCliRules.CsprojOf(Project)!).Descendants("ProjectReference").Count(), Is.EqualTo(1));
    }

    [Test]
    public void TheLibrarysLeanReferenceIsLiteralSoTheCliRewritesItBelowTheCompileRoot()
    {
        var library = XDocument.Load(LeanCliRules.CsprojOf(Library)!);
        Assert.That(library.Root!.Elements("Import"), Is.Empty, "LEAN is not referenced through an imported file, which the CLI would not see");
        Assert.That(library.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value),
            Is.EquivalentTo(new[] { "QuantConnect.Lean", "MathNet.Numerics" }));

        // a CLI root without a solution: the compile root is the project folder, the library (mounted at /Library) is not
        // rewritten and restores QuantConnect.Lean from NuGet in the container, whose own DLLs are kept at run time
        // (lean_runner.py copies the build output with `cp -R -n`)
        Assert.That(LeanCliRules.CompileRoot(Project), Is.EqualTo(Project));
        // with a solution file in the CLI root, the compile root is the CLI root and every csproj below it is rewritten
        File.WriteAllText(Path.Combine(_cliRoot, "Strategies.sln"), string.Empty);
        Assert.That(LeanCliRules.CompileRoot(Project), Is.EqualTo(Path.GetFullPath(_cliRoot)));
        Assert.That(LeanCliRules.RewriteLeanReferences(library, LeanCliRules.ContainerLeanRoot), Is.True);
        Assert.That(library.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value), Is.EqualTo(new[] { "MathNet.Numerics" }));
        Assert.That(library.Descendants("Reference").Select(r => r.Attribute("Include")!.Value), Is.EqualTo(new[] { "/Lean/Launcher/bin/Debug/*.dll" }));
    }

    [Test]
    public void NothingShadowsTheClisDirectoryBuildProps()
    {
        foreach (var folder in new[] { Library, Project })
        {
            Assert.That(Directory.EnumerateFiles(folder, "Directory.Build.*", SearchOption.AllDirectories), Is.Empty, folder);
        }

        // the repository's own one (warnings as errors, XML docs) sits at its root, above Models/…: not copied
        Assert.That(File.Exists(Path.Combine(RepositoryRoot(), "Directory.Build.props")), Is.True);
    }

    [Test]
    public void TheLibraryHoldsThePluginsSourceAndNeedsNothingBeyondCloudsPackages()
    {
        var root = RepositoryRoot();
        string[] Sources(string top) => new[] { "Models", "Indicators", "Risk", "Algorithms" }
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(top, f), "*.cs", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(top, p))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();
        var copied = Sources(Library);
        Assert.That(copied, Is.Not.Empty);
        Assert.That(copied, Is.EqualTo(Sources(root)), "every source file of the four folders, at the same path");

        // the namespaces the code imports: .NET, LEAN, MathNet.Numerics (Cloud's list has 5.0.0) and its own
        var allowed = new Regex(@"^(System|QuantConnect|MathNet\.Numerics|Lean\.MarketMaking)(\.|$)");
        var usings = copied.SelectMany(p => File.ReadLines(Path.Combine(Library, p)))
            .Select(l => Regex.Match(l, @"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([A-Za-z_][\w.]*)\s*;"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToArray();
        Assert.That(usings, Has.Some.StartsWith("MathNet.Numerics"));
        Assert.That(usings.Where(u => !allowed.IsMatch(u)), Is.Empty);
        var library = XDocument.Load(LeanCliRules.CsprojOf(Library)!);
        Assert.That(library.Descendants("PackageReference").Single(r => r.Attribute("Include")!.Value == "MathNet.Numerics").Attribute("Version")!.Value,
            Is.EqualTo("5.0.0"));
    }

    /// <summary>Runs <c>scripts/lean-library.sh</c> (the layout users make) into <paramref name="destination"/>.</summary>
    internal static void LayOut(string repositoryRoot, string destination)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(repositoryRoot, "scripts", "lean-library.sh"));
        start.ArgumentList.Add(destination);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, stderr.Result);
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    internal static string RepositoryRoot()
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
