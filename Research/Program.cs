using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Research.Commands;

namespace Lean.MarketMaking.Research;

/// <summary>Entry point of the research console: <c>dotnet run --project Research -- &lt;command&gt; …</c>.</summary>
public static class Program
{
    /// <summary>Every command the console knows.</summary>
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

    /// <summary>
    /// Runs the console with the process's standard streams; the commands' progress lines go to stderr only when it is a
    /// terminal (<see cref="ProgressWriter"/>), so a redirected run's stderr holds errors alone.
    /// </summary>
    public static int Main(string[] args) =>
        Run(args, Console.In, Console.Out, Console.Error, ProgressWriter(Console.Error, stderrIsTerminal: !Console.IsErrorRedirected));

    /// <summary>Where progress goes: <paramref name="stderr"/> when it is a terminal, nowhere otherwise.</summary>
    internal static TextWriter ProgressWriter(TextWriter stderr, bool stderrIsTerminal) => stderrIsTerminal ? stderr : TextWriter.Null;

    /// <summary>
    /// Parses <paramref name="args"/> with System.CommandLine and runs the command: <c>--help</c> (on the root or any
    /// command) prints help on <paramref name="stdout"/> and returns 0; bad input prints one line <c>error: …</c> on
    /// <paramref name="stderr"/> (with a suggestion for a mistyped option or command) and returns 2. The commands write
    /// their progress to <paramref name="progress"/> (default <paramref name="stderr"/>).
    /// </summary>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, TextWriter? progress = null)
    {
        var root = CreateRoot(stdin, stdout, progress ?? stderr);
        var result = root.Parse(args);
        try
        {
            if (result.Errors.Count > 0 && result.Action is not HelpAction)
            {
                throw new CommandLineException(ParseError(result));
            }

            return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CommandLineException or MarketMakingException)
        {
            // Exactly one line: messages may quote multi-line input (e.g. a JSON parser's excerpt of stdin).
            stderr.WriteLine("error: " + e.Message.ReplaceLineEndings(" ").Trim());
            return 2;
        }
    }

    /// <summary>
    /// The root command: every <see cref="Commands"/> entry under it, given <paramref name="progress"/> as their stderr
    /// (they write only progress there; errors are thrown); without a command it is an error listing them.
    /// </summary>
    internal static RootCommand CreateRoot(TextReader stdin, TextWriter stdout, TextWriter progress)
    {
        var root = new RootCommand("Lean.MarketMaking research console: quote, calibrate, simulate, report. "
            + "Results go to stdout (JSON or CSV), errors (and progress, when it is a terminal) to stderr; bad input exits with code 2.");
        foreach (var command in Commands)
        {
            root.Add(command.Create(stdin, stdout, progress));
        }

        root.SetAction(new Func<ParseResult, int>(_ => throw new CommandLineException(
            "give a command: " + string.Join(", ", root.Subcommands.Select(c => c.Name)) + "; see --help")));
        return root;
    }

    /// <summary>The first parse error as one line; an unknown token gets the nearest option or command name as a suggestion.</summary>
    private static string ParseError(ParseResult result)
    {
        if (result.UnmatchedTokens.Count > 0)
        {
            var command = result.CommandResult.Command;
            var path = string.Join(" ", command.Parents.OfType<Command>().Where(c => c is not RootCommand).Select(c => c.Name).Append(command.Name));
            var help = command is RootCommand ? "see --help" : $"see '{path} --help'";
            var token = result.UnmatchedTokens[0];
            var kind = token.StartsWith('-') || command.Subcommands.Count == 0 ? "option" : "command";
            var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(command.Subcommands.Select(c => c.Name));
            var suggestion = TypoSuggestion.Nearest(token, names);
            var usage = kind == "command" && command is not RootCommand
                ? $"; usage: {path} {string.Join("|", command.Subcommands.Select(c => c.Name))}"
                : string.Empty;
            return $"unknown {kind} '{token}'" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?") + usage + $"; {help}";
        }

        return result.Errors[0].Message;
    }
}
