using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Lean.MarketMaking.Tests.LeanCli;

/// <summary>
/// The lean CLI's rules for projects and libraries, re-implemented from its source (QuantConnect/lean-cli 5277bb6) so that
/// tests can apply them to this repository's templates without the CLI or Docker. Each member names the function it
/// follows. Shared by the offline tests and the EndToEnd Local build (linked into that project).
/// </summary>
internal static class LeanCliRules
{
    /// <summary>The container's LEAN folder the CLI compiles against (<c>LEAN_ROOT_PATH</c>, lean/constants.py).</summary>
    public const string ContainerLeanRoot = "/Lean/Launcher/bin/Debug";

    /// <summary>The regex naming a C# project's algorithm class on Main.cs (lean_config_manager.py, <c>get_complete_lean_config</c>).</summary>
    public const string CSharpAlgorithmClass = @"class\s*([^\s:]+)\s*:\s*QCAlgorithm";

    /// <summary>
    /// A folder's csproj as the CLI finds it: the first entry of the folder whose name ends in ".csproj" (project_manager.py
    /// <c>get_csproj_file_path</c>: only the folder itself, not its sub-folders); null when there is none.
    /// </summary>
    public static string? CsprojOf(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).FirstOrDefault(p => Path.GetFileName(p).EndsWith(".csproj", StringComparison.Ordinal));

    /// <summary>The <c>algorithm-language</c> of a folder's config.json, or null (project_config_manager.py reads config.json).</summary>
    public static string? LanguageOf(string folder)
    {
        var config = Path.Combine(folder, "config.json");
        return File.Exists(config) && JsonNode.Parse(File.ReadAllText(config)) is JsonObject json && json["algorithm-language"] is JsonValue value
            ? value.GetValue<string>()
            : null;
    }

    /// <summary>
    /// library_manager.py <c>is_lean_library</c>: the path relative to the CLI root starts with a folder named "library" (any
    /// case), is a folder, and its config.json names an <c>algorithm-language</c>.
    /// </summary>
    public static bool IsLeanLibrary(string cliRoot, string path)
    {
        var parts = Path.GetRelativePath(cliRoot, path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && parts[0].Equals("library", StringComparison.OrdinalIgnoreCase) && Directory.Exists(path) && LanguageOf(path) is not null;
    }

    /// <summary>
    /// <c>lean library add PROJECT LIBRARY</c> for a local library (library_manager.py <c>add_lean_library_to_project</c>):
    /// the library's path relative to the CLI root is appended to the project's config.json <c>libraries</c> (a circular
    /// reference is an error); for a C# project and a non-Python library, a <c>ProjectReference</c> to the library's csproj,
    /// relative to the project ("../" per level of the project below the CLI root), is appended to the csproj's last
    /// <c>ItemGroup</c> (<c>get_csharp_lean_library_path_for_csproj_file</c>, <c>_add_csharp_project_to_csproj</c>); a C#
    /// library without a csproj is an error. Returns true when the library was already referenced (nothing changed).
    /// </summary>
    public static bool AddLibrary(string cliRoot, string projectDir, string libraryDir)
    {
        var projectConfigPath = Path.Combine(projectDir, "config.json");
        var projectConfig = JsonNode.Parse(File.ReadAllText(projectConfigPath))!.AsObject();
        var libraries = projectConfig["libraries"] as JsonArray ?? new JsonArray();
        var libraryPath = Relative(cliRoot, libraryDir);
        if (libraries.Any(l => l?["path"]?.GetValue<string>() == libraryPath))
        {
            return true;
        }

        var libraryConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(libraryDir, "config.json")))!.AsObject();
        if (libraryConfig["libraries"] is JsonArray libraryLibraries && libraryLibraries.Any(l => l?["path"]?.GetValue<string>() == Relative(cliRoot, projectDir)))
        {
            throw new InvalidOperationException($"Circular dependency detected between {Relative(cliRoot, projectDir)} and {libraryPath}");
        }

        libraries.Add(new JsonObject { ["name"] = Path.GetFileName(libraryDir), ["path"] = libraryPath });
        projectConfig["libraries"] = libraries;
        File.WriteAllText(projectConfigPath, projectConfig.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        if (LanguageOf(projectDir) != "CSharp" || LanguageOf(libraryDir) == "Python")
        {
            return false;
        }

        var libraryCsproj = CsprojOf(libraryDir) ?? throw new InvalidOperationException($"C# library {Path.GetFileName(libraryDir)} does not contain a .csproj file");
        var levels = Relative(cliRoot, projectDir).Split('/').Length;
        var include = string.Concat(Enumerable.Repeat("../", levels)) + Relative(cliRoot, libraryCsproj);
        var projectCsproj = CsprojOf(projectDir)!;
        var csproj = XDocument.Load(projectCsproj);
        if (!csproj.Descendants("ProjectReference").Any(r => r.Attribute("Include")?.Value == include))
        {
            var itemGroup = csproj.Root!.Elements("ItemGroup").LastOrDefault() ?? AddTo(csproj.Root!, new XElement("ItemGroup"));
            itemGroup.Add(new XElement("ProjectReference", new XAttribute("Include", include)));
        }

        csproj.Save(projectCsproj);
        return false;
    }

    /// <summary>
    /// The folder the CLI mounts as /LeanCLI to compile a C# project (lean_runner.py <c>_get_csharp_compile_root</c>): the
    /// nearest ancestor of the project folder (from its parent up, the file-system root excluded) holding a *.sln, else the
    /// project folder itself. Only csproj files below it are rewritten to the container's LEAN.
    /// </summary>
    public static string CompileRoot(string projectDir)
    {
        for (var dir = Directory.GetParent(Path.GetFullPath(projectDir)); dir?.Parent is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.sln").Any())
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(projectDir);
    }

    /// <summary>
    /// lean_runner.py <c>_ensure_csproj_is_valid</c> on one csproj: a <c>TargetFramework</c> other than the engine's is an
    /// error; the first <c>PackageReference</c> whose <c>Include</c> starts with "quantconnect." (any case) becomes
    /// <c>&lt;Reference Include="{leanRoot}/*.dll"&gt;&lt;Private&gt;False&lt;/Private&gt;&lt;/Reference&gt;</c>, the others of that kind
    /// are removed. Only references written literally in the csproj are seen (not those of imported files). Returns
    /// whether anything was rewritten (the CLI mounts the rewritten file over the original only then).
    /// </summary>
    public static bool RewriteLeanReferences(XDocument csproj, string leanRoot, string targetFramework = "net10.0")
    {
        var frameworks = csproj.Descendants("TargetFramework").Select(e => e.Value).ToList();
        if (frameworks.Count > 0 && !frameworks.Contains(targetFramework))
        {
            throw new InvalidOperationException($"This project is targeting {frameworks[0]} and {targetFramework} is required");
        }

        var added = false;
        foreach (var reference in csproj.Descendants("PackageReference").ToList())
        {
            if (!(reference.Attribute("Include")?.Value ?? string.Empty).ToLowerInvariant().StartsWith("quantconnect.", StringComparison.Ordinal))
            {
                continue;
            }

            if (added)
            {
                reference.Remove();
                continue;
            }

            reference.ReplaceWith(new XElement("Reference", new XAttribute("Include", $"{leanRoot}/*.dll"), new XElement("Private", "False")));
            added = true;
        }

        return added;
    }

    /// <summary>
    /// The Directory.Build.props the CLI mounts at the container's root (lean_runner.py <c>set_up_common_csharp_options</c>),
    /// with its /Compile/obj folder at <paramref name="compileFolder"/>/obj. A Directory.Build.props nearer the project
    /// (in the project, a library or the compile root) would be found first by MSBuild and shadow it.
    /// </summary>
    public static string DirectoryBuildProps(string compileFolder) => $"""
        <Project>
            <PropertyGroup>
                <BaseIntermediateOutputPath>{compileFolder}/obj/$(MSBuildProjectName)/</BaseIntermediateOutputPath>
                <IntermediateOutputPath>{compileFolder}/obj/$(MSBuildProjectName)/</IntermediateOutputPath>
                <DefaultItemExcludes>$(DefaultItemExcludes);backtests/*/code/**;live/*/code/**;optimizations/*/code/**</DefaultItemExcludes>
                <NoWarn>CS0618</NoWarn>
            </PropertyGroup>
        </Project>
        """;

    /// <summary>
    /// The MSBuild properties of the CLI's <c>dotnet build "/LeanCLI/&lt;project&gt;.csproj" "-p:…"</c> (lean_runner.py
    /// <c>set_up_csharp_options</c>; Debug unless --release), with /Compile at <paramref name="compileFolder"/> and the
    /// project's own NoWarn codes appended.
    /// </summary>
    public static string BuildProperties(string compileFolder, string compileRoot, XDocument projectCsproj, string targetFramework = "net10.0")
    {
        var noWarn = new List<string> { "MSB3277" };
        if (projectCsproj.Descendants("NoWarn").FirstOrDefault() is { } existing)
        {
            noWarn.AddRange(Regex.Split(existing.Value, "[^a-zA-Z0-9]").Where(c => c.Length > 0));
        }

        return string.Join(";", new[]
        {
            "Configuration=Debug", "Platform=AnyCPU", $"TargetFramework={targetFramework}", $"OutputPath={compileFolder}/bin",
            "GenerateAssemblyInfo=false", "GenerateTargetFrameworkAttribute=false", "AppendTargetFrameworkToOutputPath=false",
            "AutomaticallyUseReferenceAssemblyPackages=false", "CopyLocalLockFileAssemblies=true", $"PathMap=/LeanCLI={compileRoot}",
            "NoWarn=" + string.Join("%3B", noWarn),
        });
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static XElement AddTo(XElement parent, XElement child)
    {
        parent.Add(child);
        return child;
    }
}
