using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>A LEAN data file: one zip archive holding one CSV entry (UTF-8 without BOM, <c>\n</c> line ends).</summary>
internal static class LeanZipFile
{
    /// <summary>Writes (or overwrites) <paramref name="path"/> with the entry <paramref name="entryName"/> holding <paramref name="lines"/>.</summary>
    public static string Write(string path, string entryName, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create);
        var entry = archive.CreateEntry(entryName, CompressionLevel.Optimal);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }

        return path;
    }
}
