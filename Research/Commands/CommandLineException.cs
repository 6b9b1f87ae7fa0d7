using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>Bad input to a research command: printed as one line on stderr, exit code 2.</summary>
public sealed class CommandLineException : Exception
{
    /// <summary>Creates the exception with the one-line message to print.</summary>
    public CommandLineException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Restates a model's error in terms of the JSON input: the parameter it names is mapped to the field it came from
    /// (an index suffix such as <c>[2]</c> is kept), e.g. <c>field 'sigma': InvalidParameters: must be &gt; 0, got -1</c>.
    /// </summary>
    /// <param name="error">The model's exception; its <see cref="MarketMakingException.ParameterName"/> must be set.</param>
    /// <param name="fieldOfParameter">Model parameter name → JSON field name; names not in it are used as they are.</param>
    public static CommandLineException ForField(MarketMakingException error, IReadOnlyDictionary<string, string> fieldOfParameter)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(fieldOfParameter);
        var parameter = error.ParameterName ?? string.Empty;
        var bracket = parameter.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? parameter : parameter[..bracket];
        var suffix = bracket < 0 ? string.Empty : parameter[bracket..];
        var field = fieldOfParameter.TryGetValue(name, out var f) ? f : name;
        var prefix = $"{error.Kind}: {error.ParameterName}: ";
        var why = error.Message.StartsWith(prefix, StringComparison.Ordinal) ? error.Message[prefix.Length..] : error.Message;
        return new CommandLineException($"field '{field}{suffix}': {error.Kind}: {why}");
    }
}
