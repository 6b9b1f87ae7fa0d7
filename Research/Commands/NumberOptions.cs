using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// Numeric options parsed with the invariant culture (a decimal point whatever the machine's locale); a bad value is the
/// one-line error <c>--name must be an integer|a number, got 'x'</c>.
/// </summary>
internal static class NumberOptions
{
    /// <summary>An integer option with a default value.</summary>
    public static Option<int> Integer(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => Parse(r, name, out var value, integer: true) ? (int)value : 0,
    };

    /// <summary>A finite real option with a default value.</summary>
    public static Option<double> Number(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => Parse(r, name, out var value, integer: false) ? value : 0,
    };

    /// <summary>A finite real option without a default (null when absent).</summary>
    public static Option<double?> OptionalNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => Parse(r, name, out var value, integer: false) ? value : null,
    };

    private static bool Parse(ArgumentResult result, string name, out double value, bool integer)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        bool ok;
        if (integer)
        {
            ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole);
            value = whole;
        }
        else
        {
            ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }

        if (!ok)
        {
            result.AddError($"{name} must be {(integer ? "an integer" : "a number")}, got '{text}'");
        }

        return ok;
    }
}
