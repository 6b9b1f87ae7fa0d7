using System;
using System.Collections.Generic;
using System.Text.Json;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// User-defined stress scenarios from JSON (System.Text.Json): one object or an array of objects with the fields
/// <c>name</c> (required), <c>priceShocks</c> (price units per asset), <c>volatilityMultiplier</c>,
/// <c>correlation</c> (<c>"none"</c>, <c>"one"</c>, <c>"against-the-book"</c>), <c>sigmas</c>, <c>horizonSeconds</c>,
/// <c>intensityScale</c>, <c>intensityDecayScale</c>, <c>spreadMultiplier</c>, <c>impactMultiplier</c> (see
/// <see cref="StressScenario"/>). Anything else — an unknown field, a wrong type, a bad value — throws
/// <see cref="MarketMakingException"/> (<see cref="MarketMakingErrorKind.InvalidParameters"/>) naming the field.
/// </summary>
public static class StressScenarioJson
{
    /// <summary>Parses <paramref name="json"/> into validated scenarios.</summary>
    public static IReadOnlyList<StressScenario> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? string.Empty);
        }
        catch (JsonException e)
        {
            throw Guard.Invalid("json", $"is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var scenarios = new List<StressScenario>();
            if (root.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    scenarios.Add(Scenario(element, $"[{index++}]."));
                }
            }
            else
            {
                scenarios.Add(Scenario(root, string.Empty));
            }

            return scenarios;
        }
    }

    private static StressScenario Scenario(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Guard.Invalid(path.Length == 0 ? "json" : path.TrimEnd('.'), "must be an object");
        }

        string? name = null;
        double[]? shocks = null;
        double volatility = 1, sigmas = 0, horizon = 1, intensity = 1, decay = 1, spread = 1, impact = 1;
        var correlation = StressCorrelationShock.None;
        foreach (var field in element.EnumerateObject())
        {
            var at = path + field.Name;
            switch (field.Name)
            {
                case "name":
                    name = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : throw Guard.Invalid(at, "must be a string");
                    break;
                case "priceShocks":
                    shocks = Numbers(field.Value, at);
                    break;
                case "volatilityMultiplier":
                    volatility = Number(field.Value, at);
                    break;
                case "correlation":
                    correlation = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() switch
                    {
                        "none" => StressCorrelationShock.None,
                        "one" => StressCorrelationShock.AllToOne,
                        "against-the-book" => StressCorrelationShock.AgainstTheBook,
                        var other => throw Guard.Invalid(at, $"must be \"none\", \"one\" or \"against-the-book\", got \"{other}\""),
                    } : throw Guard.Invalid(at, "must be a string");
                    break;
                case "sigmas":
                    sigmas = Number(field.Value, at);
                    break;
                case "horizonSeconds":
                    horizon = Number(field.Value, at);
                    break;
                case "intensityScale":
                    intensity = Number(field.Value, at);
                    break;
                case "intensityDecayScale":
                    decay = Number(field.Value, at);
                    break;
                case "spreadMultiplier":
                    spread = Number(field.Value, at);
                    break;
                case "impactMultiplier":
                    impact = Number(field.Value, at);
                    break;
                default:
                    throw Guard.Invalid(at, "is not a stress scenario field");
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw Guard.Invalid(path + "name", "is required");
        }

        try
        {
            return new StressScenario(name, shocks, volatility, correlationShock: correlation, sigmas: sigmas, horizonSeconds: horizon,
                intensityScale: intensity, intensityDecayScale: decay, spreadMultiplier: spread, impactMultiplier: impact);
        }
        catch (MarketMakingException e) when (e.ParameterName is { } parameter)
        {
            throw Guard.Invalid(path + parameter, e.Message);
        }
    }

    private static double Number(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Guard.Invalid(at, "must be a finite number");

    private static double[] Numbers(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Guard.Invalid(at, "must be an array of numbers");
        }

        var numbers = new double[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            numbers[i] = Number(item, $"{at}[{i}]");
            i++;
        }

        return numbers;
    }
}
