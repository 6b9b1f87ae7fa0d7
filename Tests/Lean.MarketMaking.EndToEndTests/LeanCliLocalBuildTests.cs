using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Lean.MarketMaking.Tests.LeanCli;
using NUnit.Framework;

namespace Lean.MarketMaking.EndToEndTests;

/// <summary>
/// Issue 13 §1: the project template with the plugin added as a lean CLI library, compiled against a LEAN build the way
/// the lean CLI compiles it in its container (<see cref="LeanCliRules"/>, from lean-cli's lean_runner.py), with the
/// container's paths moved into a temporary folder: /LeanCLI is the CLI root (it holds a solution file, so the compile
/// root is the CLI root and the CLI rewrites the library's csproj as well as the project's; without one the library
/// restores QuantConnect.Lean from NuGet, which this offline machine cannot), /Lean/Launcher/bin/Debug is
/// <c>LEAN_BIN_DIR</c>, the CLI's Directory.Build.props is above the CLI root, and the build is the CLI's
/// <c>dotnet build</c> with its MSBuild properties. Needs LEAN_BIN_DIR (a LEAN Launcher/bin/Release folder).
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[Explicit("needs a LEAN build: LEAN_BIN_DIR")]
public class LeanCliLocalBuildTests
{
    [Test]
    public void TheTemplateWithTheLibraryCompilesAgainstALocalLeanAsTheCliCompilesIt()
    {
        var lean = Environment.GetEnvironmentVariable("LEAN_BIN_DIR");
        Assert.That(lean is { Length: > 0 } && File.Exists(Path.Combine(lean, "QuantConnect.Common.dll")), Is.True,
            "LEAN_BIN_DIR must name a LEAN Launcher/bin/Release folder");
        var root = RepositoryRoot();
        var container = Directory.CreateTempSubdirectory("mm-lean-cli-build-").FullName;
        var cliRoot = Path.Combine(container, "LeanCLI");
        var library = Path.Combine(cliRoot, "Library", "LeanMarketMaking");
        var project = Path.Combine(cliRoot, "MarketMaking");

        Run(root, "bash", Path.Combine(root, "scripts", "lean-library.sh"), library);
        foreach (var file in Directory.GetFiles(Path.Combine(root, "templates", "lean-project", "MarketMaking")))
        {
            Directory.CreateDirectory(project);
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(cliRoot, "Strategies.sln"), string.Empty);
        Assert.That(LeanCliRules.IsLeanLibrary(cliRoot, library), Is.True);
        Assert.That(LeanCliRules.AddLibrary(cliRoot, project, library), Is.False, "lean library add");
        var compileRoot = LeanCliRules.CompileRoot(project);
        Assert.That(compileRoot, Is.EqualTo(Path.GetFullPath(cliRoot)));
        var rewritten = 0;
        foreach (var csprojPath in Directory.EnumerateFiles(compileRoot, "*.csproj", SearchOption.AllDirectories))
        {
            var csproj = XDocument.Load(csprojPath);
            if (LeanCliRules.RewriteLeanReferences(csproj, Path.GetFullPath(lean!)))
            {
                csproj.Save(csprojPath);
                rewritten++;
            }
        }

        Assert.That(rewritten, Is.EqualTo(2), "the project's and the library's LEAN references");
        var compile = Path.Combine(container, "Compile");
        File.WriteAllText(Path.Combine(container, "Directory.Build.props"), LeanCliRules.DirectoryBuildProps(compile));
        var projectCsproj = LeanCliRules.CsprojOf(project)!;
        var output = Run(container, "dotnet", "build", projectCsproj, "-p:" + LeanCliRules.BuildProperties(compile, compileRoot, XDocument.Load(projectCsproj)));
        TestContext.Progress.WriteLine(output.Split('\n').LastOrDefault(l => l.Contains("Time Elapsed", StringComparison.Ordinal)) ?? string.Empty);

        var bin = Path.Combine(compile, "bin");
        Assert.That(File.Exists(Path.Combine(bin, "MarketMaking.dll")), Is.True, "the project");
        Assert.That(File.Exists(Path.Combine(bin, "Lean.MarketMaking.dll")), Is.True, "the library");
        Assert.That(File.Exists(Path.Combine(bin, "MathNet.Numerics.dll")), Is.True, "its one package");
        Assert.That(File.Exists(Path.Combine(bin, "QuantConnect.Common.dll")), Is.False, "LEAN is the container's (Private=False), not copied");
        Assert.That(Directory.EnumerateDirectories(Path.Combine(compile, "obj")).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "MarketMaking", "LeanMarketMaking" }), "both built with the CLI's Directory.Build.props (nothing shadowed it)");
        Directory.Delete(container, recursive: true);
    }

    private static string Run(string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(15)), Is.True, $"{file} did not finish in 15 minutes");
        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', arguments)} failed:\n{stdout[^Math.Min(6000, stdout.Length)..]}\n{stderr.Result}");
        return stdout;
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
