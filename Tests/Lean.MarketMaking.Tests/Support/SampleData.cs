using System;
using System.IO;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Support;

/// <summary>
/// Locates the sample LEAN data folder (<c>../shared/data/lean</c> beside the repository, or the folder
/// named by the <c>LEAN_MM_DATA</c> environment variable). A test that needs it and cannot find it fails
/// loudly: it never skips silently.
/// </summary>
public static class SampleData
{
    /// <summary>The LEAN data folder; fails the calling test when it is absent.</summary>
    public static string LeanDataFolder
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("LEAN_MM_DATA");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return Directory.Exists(fromEnvironment)
                    ? fromEnvironment
                    : throw new AssertionException($"LEAN_MM_DATA names {fromEnvironment}, which does not exist");
            }

            var repo = RepositoryRoot;
            var candidate = Path.GetFullPath(Path.Combine(repo, "..", "shared", "data", "lean"));
            if (!Directory.Exists(candidate))
            {
                throw new AssertionException(
                    $"sample LEAN data not found at {candidate}: check out the repository beside shared/ or set LEAN_MM_DATA");
            }

            return candidate;
        }
    }

    /// <summary>The repository root: the first ancestor of the test assembly's folder that holds Lean.MarketMaking.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Lean.MarketMaking.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new AssertionException("Lean.MarketMaking.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    /// <summary>A path inside the LEAN data folder; fails the calling test when that file or folder is absent.</summary>
    public static string Resolve(params string[] parts)
    {
        var path = Path.Combine(LeanDataFolder, Path.Combine(parts));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new AssertionException($"sample data {path} is missing");
        }

        return path;
    }
}
