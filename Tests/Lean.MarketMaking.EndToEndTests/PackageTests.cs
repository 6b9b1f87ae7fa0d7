using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using NUnit.Framework;

namespace Lean.MarketMaking.EndToEndTests;

/// <summary>
/// The NuGet packages (issue 13 §2). <c>Lean.MarketMaking.Models</c>: <c>dotnet pack</c> gives a package with its
/// metadata, README, XML docs and MathNet.Numerics 5.0.0 dependency; packing twice gives the same DLL bytes
/// (deterministic); a fresh project outside the repository restores it from the packed folder, builds and quotes with
/// it. <c>Lean.MarketMaking</c> (the LEAN modules) refuses to pack against anything but the QuantConnect.Lean package,
/// which cannot be restored on this offline machine, so only the refusal is tested here.
/// Explicit, category Packaging, not in CI: each test runs dotnet pack (and restore, build, run of a new project), about
/// two minutes on this 2-core machine, against CI's budget for the whole offline suite.
/// </summary>
[TestFixture]
[Category("Packaging")]
[Explicit("runs dotnet pack and builds a fresh project: minutes")]
public class PackageTests
{
    [Test]
    public void TheModelsPackageRestoresIntoAFreshProjectAndQuotes()
    {
        var work = Directory.CreateTempSubdirectory("mm-pack-").FullName;
        // a version of its own, so no copy of an earlier test run in the NuGet cache can stand in for this package
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var models = Path.Combine(Root, "Models", "Lean.MarketMaking.Models.csproj");
        var feed = Path.Combine(work, "feed");
        Run(Root, "dotnet", "pack", models, "-c", "Release", "-o", feed, $"-p:Version={version}", "-p:ContinuousIntegrationBuild=true");
        var package = Path.Combine(feed, $"Lean.MarketMaking.Models.{version}.nupkg");

        using (var zip = ZipFile.OpenRead(package))
        {
            Assert.That(zip.Entries.Select(e => e.FullName), Is.SupersetOf(new[]
            {
                "README.md", "lib/net10.0/Lean.MarketMaking.Models.dll", "lib/net10.0/Lean.MarketMaking.Models.xml",
            }));
            using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var nuspec = XDocument.Load(nuspecStream);
            string? Field(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            Assert.That((Field("id"), Field("version"), Field("readme")), Is.EqualTo(("Lean.MarketMaking.Models", version, "README.md")));
            Assert.That(Field("description"), Does.Contain("Avellaneda"));
            Assert.That(Field("authors"), Is.Not.Empty);
            var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => (e.Attribute("id")!.Value, e.Attribute("version")!.Value)).ToArray();
            Assert.That(dependencies, Is.EqualTo(new[] { ("MathNet.Numerics", "5.0.0") }), "MathNet.Numerics only, LEAN's version");
        }

        // deterministic: the same sources give the same assembly
        var again = Path.Combine(work, "feed-again");
        Run(Root, "dotnet", "pack", models, "-c", "Release", "-o", again, $"-p:Version={version}", "-p:ContinuousIntegrationBuild=true");
        Assert.That(Dll(Path.Combine(again, Path.GetFileName(package))), Is.EqualTo(Dll(package)), "packing twice gives the same DLL bytes");

        // a user's project, outside this repository (no Directory.Build.props of ours), restoring from the packed folder
        var user = Path.Combine(work, "user");
        Directory.CreateDirectory(user);
        File.WriteAllText(Path.Combine(user, "User.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RestoreAdditionalProjectSources>{feed}</RestoreAdditionalProjectSources>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Lean.MarketMaking.Models" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(user, "Program.cs"), """
            using System;
            using System.Globalization;
            using Lean.MarketMaking.Models.Quoting;
            using Lean.MarketMaking.Models.Quoting.Glft;

            var model = new GlftClosedFormModel(new GlftParameters(riskAversion: 0.05, volatility: 10.69, arrivalRate: 2.986162360812285, depthDecay: 0.04235741115084049));
            var quote = model.Quote(new MarketSnapshot(mid: 100, time: 0, inventory: 0));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{quote.Bid} {quote.Ask}"));
            """);
        var output = Run(user, "dotnet", "run", "-c", "Release");
        Assert.That(output.Trim(), Is.EqualTo("79.52791466155628 120.47208533844372"), "hftbacktest's GLFT numbers, as in the README");
        Directory.Delete(work, recursive: true);
    }

    [Test]
    public void TheLeanModulesPackageIsNotPackedAgainstTheTestSurface()
    {
        var output = Run(expectSuccess: false, Root, "dotnet", "pack", Path.Combine(Root, "Algorithms", "Lean.MarketMaking.Algorithms.csproj"), "-c", "Release",
            "-o", Directory.CreateTempSubdirectory("mm-pack-surface-").FullName, "-p:LeanReference=Surface");
        Assert.That(output, Does.Contain("Lean.MarketMaking is packed with -p:LeanReference=Package only (got 'Surface')"));
    }

    private static byte[] Dll(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.GetEntry("lib/net10.0/Lean.MarketMaking.Models.dll")!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static string Root
    {
        get
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

    private static string Run(string workingDirectory, string file, params string[] arguments) => Run(expectSuccess: true, workingDirectory, file, arguments);

    private static string Run(bool expectSuccess, string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(10)), Is.True, $"{file} did not finish in 10 minutes");
        if (expectSuccess)
        {
            Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', arguments)} failed:\n{stdout}\n{stderr.Result}");
        }
        else
        {
            Assert.That(process.ExitCode, Is.Not.Zero, $"{file} {string.Join(' ', arguments)} succeeded");
        }

        return stdout + stderr.Result;
    }
}
