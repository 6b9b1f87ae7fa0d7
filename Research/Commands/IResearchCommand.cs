using System.IO;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>One sub-command of the research console (<c>quote</c>, <c>calibrate</c>, <c>hawkes</c>, …).</summary>
public interface IResearchCommand
{
    /// <summary>The word that selects the command on the command line.</summary>
    string Name { get; }

    /// <summary>One line of help.</summary>
    string Summary { get; }

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after the command name.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="stdout">Standard output: the command's result, machine-readable.</param>
    /// <param name="stderr">Standard error: progress and error messages.</param>
    /// <returns>The process exit code: 0 on success, 2 for bad input.</returns>
    int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr);
}
