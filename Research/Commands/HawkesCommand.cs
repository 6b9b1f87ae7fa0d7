using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>hawkes loglik</c>: reads <c>{"events":[[…],…],"T":…,"mu":[…],"alpha":[[…],…],"beta":…}</c> on stdin and prints
/// <c>{"logLikelihood":…}</c>. <c>hawkes fit</c>: reads <c>{"events":[[…],…],"T":…}</c> and prints the maximum-likelihood
/// <c>mu</c>, <c>alpha</c>, <c>beta</c>, <c>spectralRadius</c>, <c>logLikelihood</c> and the fit's wall time <c>seconds</c>.
/// Event times are on [0, T] in any time unit; rates come out per that unit. Numbers are printed round-trip exact.
/// </summary>
internal sealed class HawkesCommand : IResearchCommand
{
    /// <inheritdoc />
    public string Name => "hawkes";

    /// <inheritdoc />
    public string Summary => "hawkes loglik|fit: exponential-kernel Hawkes log-likelihood or maximum-likelihood fit, JSON on stdin";

    /// <inheritdoc />
    public int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var mode = args.Length == 1 ? args[0] : null;
        if (mode is not ("loglik" or "fit"))
        {
            throw new CommandLineException("usage: hawkes loglik|fit < input.json");
        }

        using var document = Parse(stdin.ReadToEnd());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CommandLineException("input must be a JSON object");
        }

        var events = new HawkesEvents(Matrix(root, "events"), Number(Field(root, "T"), "T"));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (mode == "loglik")
            {
                var mu = Vector(Field(root, "mu"), "mu");
                var alphaRows = Matrix(root, "alpha");
                var alpha = new double[alphaRows.Length, alphaRows.Length];
                for (var i = 0; i < alphaRows.Length; i++)
                {
                    if (alphaRows[i].Length != alphaRows.Length)
                    {
                        throw new CommandLineException($"field 'alpha' must be a square matrix; row {i} has {alphaRows[i].Length} entries, expected {alphaRows.Length}");
                    }

                    for (var j = 0; j < alphaRows.Length; j++)
                    {
                        alpha[i, j] = alphaRows[i][j];
                    }
                }

                var parameters = new HawkesParameters(mu, alpha, Number(Field(root, "beta"), "beta"));
                writer.WriteNumber("logLikelihood", HawkesLikelihood.LogLikelihood(parameters, events));
            }
            else
            {
                var clock = Stopwatch.StartNew();
                var fit = HawkesEstimator.Fit(events);
                var seconds = clock.Elapsed.TotalSeconds;
                var p = fit.Parameters;
                writer.WriteStartArray("mu");
                foreach (var m in p.Mu)
                {
                    writer.WriteNumberValue(m);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("alpha");
                for (var i = 0; i < p.Dimension; i++)
                {
                    writer.WriteStartArray();
                    for (var j = 0; j < p.Dimension; j++)
                    {
                        writer.WriteNumberValue(p.Alpha(i, j));
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteNumber("beta", p.Beta);
                writer.WriteNumber("spectralRadius", p.SpectralRadius);
                writer.WriteNumber("logLikelihood", fit.LogLikelihood);
                writer.WriteNumber("seconds", seconds);
            }

            writer.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return 0;
    }

    private static JsonDocument Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new CommandLineException($"input is not valid JSON: {e.Message}");
        }
    }

    private static JsonElement Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : throw new CommandLineException($"field '{name}' is missing");

    private static double Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new CommandLineException($"field '{name}' must be a finite number, got {element.GetRawText()}");

    private static double[] Vector(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Select((e, k) => Number(e, $"{name}[{k}]")).ToArray()
            : throw new CommandLineException($"field '{name}' must be an array of numbers");

    private static double[][] Matrix(JsonElement root, string name)
    {
        var element = Field(root, name);
        return element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Select((row, i) => Vector(row, $"{name}[{i}]")).ToArray()
            : throw new CommandLineException($"field '{name}' must be an array of arrays of numbers");
    }
}
