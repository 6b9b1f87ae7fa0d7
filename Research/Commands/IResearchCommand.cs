using System.CommandLine;
using System.IO;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>One sub-command of the research console (<c>quote</c>, <c>calibrate</c>, <c>hawkes</c>, …).</summary>
public interface IResearchCommand
{
    /// <summary>
    /// Builds the command's <see cref="Command"/>: its name, description, options (documented with units) and the action
    /// that runs it. The action returns the exit code (0 on success) and throws <see cref="CommandLineException"/> for bad input.
    /// </summary>
    /// <param name="stdin">Standard input.</param>
    /// <param name="stdout">Standard output: the command's result, machine-readable.</param>
    /// <param name="stderr">Progress messages: standard error when it is a terminal, else a null writer (errors are thrown).</param>
    Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr);
}
