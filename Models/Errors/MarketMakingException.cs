using System;

namespace Lean.MarketMaking.Models.Errors;

/// <summary>
/// The one exception type the toolkit throws for domain errors. <see cref="Kind"/> says what failed,
/// <see cref="ParameterName"/> (when set) which input, and the message why.
/// </summary>
public sealed class MarketMakingException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">Why, in words that name the offending value.</param>
    /// <param name="parameterName">The parameter or field at fault, if there is one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public MarketMakingException(MarketMakingErrorKind kind, string message, string? parameterName = null, Exception? innerException = null)
        : base(parameterName is null ? $"{kind}: {message}" : $"{kind}: {parameterName}: {message}", innerException)
    {
        Kind = kind;
        ParameterName = parameterName;
    }

    /// <summary>What went wrong.</summary>
    public MarketMakingErrorKind Kind { get; }

    /// <summary>The parameter or field at fault, or null.</summary>
    public string? ParameterName { get; }
}
