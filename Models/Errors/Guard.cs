using System;

namespace Lean.MarketMaking.Models.Errors;

/// <summary>
/// Argument checks shared by every parameter record and estimator. Each returns the value it checked so it
/// can be used inline in constructors, and throws <see cref="MarketMakingException"/> of kind
/// <see cref="MarketMakingErrorKind.InvalidParameters"/> naming the parameter.
/// </summary>
public static class Guard
{
    /// <summary>Requires a finite number (not NaN, not ±∞).</summary>
    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw Invalid(name, $"must be a finite number, got {value}");
        }

        return value;
    }

    /// <summary>Requires a finite number strictly greater than zero.</summary>
    public static double Positive(double value, string name)
    {
        Finite(value, name);
        if (value <= 0)
        {
            throw Invalid(name, $"must be > 0, got {value}");
        }

        return value;
    }

    /// <summary>Requires a finite number greater than or equal to zero.</summary>
    public static double NonNegative(double value, string name)
    {
        Finite(value, name);
        if (value < 0)
        {
            throw Invalid(name, $"must be >= 0, got {value}");
        }

        return value;
    }

    /// <summary>Requires a finite number in the closed interval [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double InRange(double value, double min, double max, string name)
    {
        Finite(value, name);
        if (value < min || value > max)
        {
            throw Invalid(name, $"must be in [{min}, {max}], got {value}");
        }

        return value;
    }

    /// <summary>Requires an integer strictly greater than zero.</summary>
    public static int Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw Invalid(name, $"must be > 0, got {value}");
        }

        return value;
    }

    /// <summary>Requires an integer greater than or equal to zero.</summary>
    public static int NonNegative(int value, string name)
    {
        if (value < 0)
        {
            throw Invalid(name, $"must be >= 0, got {value}");
        }

        return value;
    }

    /// <summary>Requires <paramref name="lower"/> &lt; <paramref name="upper"/>, both finite.</summary>
    public static void Ordered(double lower, double upper, string lowerName, string upperName)
    {
        Finite(lower, lowerName);
        Finite(upper, upperName);
        if (!(lower < upper))
        {
            throw Invalid(lowerName, $"must be < {upperName} ({upper}), got {lower}");
        }
    }

    /// <summary>Requires every element of <paramref name="values"/> to be finite.</summary>
    public static void AllFinite(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw Invalid($"{name}[{i}]", $"must be a finite number, got {values[i]}");
            }
        }
    }

    /// <summary>Requires a named member of the enum <typeparamref name="TEnum"/> (not a cast integer).</summary>
    public static TEnum Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw Invalid(name, $"is not a defined {typeof(TEnum).Name}: {value}");
        }

        return value;
    }

    /// <summary>Builds an <see cref="MarketMakingErrorKind.InvalidParameters"/> exception naming <paramref name="name"/>.</summary>
    public static MarketMakingException Invalid(string name, string why) =>
        new(MarketMakingErrorKind.InvalidParameters, why, name);
}
