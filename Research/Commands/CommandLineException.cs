using System;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>Bad input to a research command: printed as one line on stderr, exit code 2.</summary>
public sealed class CommandLineException : Exception
{
    /// <summary>Creates the exception with the one-line message to print.</summary>
    public CommandLineException(string message)
        : base(message)
    {
    }
}
