using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Research.Commands;

namespace Lean.MarketMaking.Research;

/// <summary>Entry point of the research console: <c>dotnet run --project Research -- &lt;command&gt; …</c>.</summary>
public static class Program
{
    /// <summary>Every command the console knows, by name.</summary>
    internal static IReadOnlyList<IResearchCommand> Commands { get; } = new IResearchCommand[]
    {
        new QuoteCommand(),
        new AvellanedaStoikovTablesCommand(),
        new HawkesCommand(),
        new CalibrateCommand(),
        new GenerateDataCommand(),
        new AnchorCommand(),
        new RiskCommand(),
        new ReportCommand(),
    };

    /// <summary>Runs the console with the process's standard streams.</summary>
    public static int Main(string[] args) => Run(args, Console.In, Console.Out, Console.Error);

    /// <summary>Runs one command; bad input prints a one-line error on <paramref name="stderr"/> and returns 2.</summary>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var command = args.Length == 0 ? null : Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine("usage: Lean.MarketMaking.Research <command> [options]; commands: "
                + string.Join(", ", Commands.Select(c => $"{c.Name} ({c.Summary})")));
            return 2;
        }

        try
        {
            return command.Run(args[1..], stdin, stdout, stderr);
        }
        catch (Exception e) when (e is CommandLineException or MarketMakingException)
        {
            // Exactly one line: messages may quote multi-line input (e.g. a JSON parser's excerpt of stdin).
            stderr.WriteLine("error: " + e.Message.ReplaceLineEndings(" ").Trim());
            return 2;
        }
    }
}
