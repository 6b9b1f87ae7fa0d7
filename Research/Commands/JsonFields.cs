using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// Reads the one JSON object a command takes on stdin, with errors that name the field, and writes
/// numbers with full double precision (shortest round-trip form).
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonObject _root;
    private readonly string _prefix;

    private JsonFields(JsonObject root, string prefix = "")
    {
        _root = root;
        _prefix = prefix;
    }

    /// <summary>Parses one JSON object from <paramref name="input"/>.</summary>
    public static JsonFields Parse(TextReader input)
    {
        JsonNode? node;
        try
        {
            // A repeated field is an error at parse time; otherwise JsonObject throws an ArgumentException on first access.
            node = JsonNode.Parse(input.ReadToEnd(), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new CommandLineException($"input is not valid JSON: {e.Message}");
        }

        return node is JsonObject o ? new JsonFields(o) : throw new CommandLineException("input must be one JSON object");
    }

    /// <summary>True when the field is present and not null.</summary>
    public bool Has(string name) => _root[name] is not null;

    /// <summary>A required string field.</summary>
    public string String(string name) =>
        _root[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Bad(name, "must be a string");

    /// <summary>A required number field.</summary>
    public double Number(string name) => ToNumber(_root[name] ?? throw Missing(name), name);

    /// <summary>An optional number field.</summary>
    public double Number(string name, double fallback) => Has(name) ? Number(name) : fallback;

    /// <summary>A required integer field.</summary>
    public int Integer(string name)
    {
        var x = Number(name);
        return x == Math.Floor(x) && Math.Abs(x) <= int.MaxValue ? (int)x : throw Bad(name, $"must be an integer, got {x}");
    }

    /// <summary>A required array of numbers.</summary>
    public double[] Vector(string name) => ToVector(_root[name] ?? throw Missing(name), name);

    /// <summary>A number broadcast to <paramref name="length"/> entries, or an array of exactly that length.</summary>
    public double[] VectorOrScalar(string name, int length)
    {
        var node = _root[name] ?? throw Missing(name);
        if (node is JsonArray)
        {
            var v = ToVector(node, name);
            return v.Length == length ? v : throw Bad(name, $"must have {length} entries, got {v.Length}");
        }

        var x = ToNumber(node, name);
        var result = new double[length];
        Array.Fill(result, x);
        return result;
    }

    /// <summary>A required array of arrays of numbers (ragged allowed).</summary>
    public double[][] Jagged(string name)
    {
        if (_root[name] is not JsonArray rows)
        {
            throw Has(name) ? Bad(name, "must be an array of arrays of numbers") : Missing(name);
        }

        var result = new double[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = ToVector(rows[i] ?? throw Bad($"{name}[{i}]", "must be an array"), $"{name}[{i}]");
        }

        return result;
    }

    /// <summary>An optional array of objects (empty when absent); errors inside name the field as <c>name[i].field</c>.</summary>
    public JsonFields[] Objects(string name)
    {
        if (!Has(name))
        {
            return Array.Empty<JsonFields>();
        }

        if (_root[name] is not JsonArray items)
        {
            throw Bad(name, "must be an array of objects");
        }

        var result = new JsonFields[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = items[i] is JsonObject o ? new JsonFields(o, $"{_prefix}{name}[{i}].") : throw Bad($"{name}[{i}]", "must be an object");
        }

        return result;
    }

    /// <summary>A required square matrix of numbers.</summary>
    public double[,] SquareMatrix(string name)
    {
        var rows = Jagged(name);
        var n = rows.Length;
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            if (rows[i].Length != n)
            {
                throw Bad(name, $"must be square: row {i} has {rows[i].Length} entries, expected {n}");
            }

            for (var j = 0; j < n; j++)
            {
                m[i, j] = rows[i][j];
            }
        }

        return m;
    }

    /// <summary>Writes a JSON object built by <paramref name="write"/> as one line.</summary>
    public static void WriteObject(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps text such as "LEAN's" and "+" readable; the output is still valid JSON.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Writes a number with full precision; non-finite numbers are a bug upstream and are refused.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new InvalidOperationException($"{name} is not finite ({value}); models must never return NaN");
        }

        // Utf8JsonWriter formats doubles with the shortest round-trippable representation.
        writer.WriteNumber(name, value);
    }

    /// <summary>Writes a number, or null when <paramref name="value"/> has none.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } x)
        {
            WriteNumber(writer, name, x);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a <paramref name="rows"/> × <paramref name="columns"/> matrix as an array of rows, full precision.</summary>
    public static void WriteMatrix(Utf8JsonWriter writer, string name, int rows, int columns, Func<int, int, double> entry)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < rows; i++)
        {
            writer.WriteStartArray();
            for (var j = 0; j < columns; j++)
            {
                var value = entry(i, j);
                if (!double.IsFinite(value))
                {
                    throw new InvalidOperationException($"{name}[{i}][{j}] is not finite ({value})");
                }

                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes <c>"name": null</c> and, beside it, <c>"nameReason": "…"</c> saying why the result is missing.</summary>
    public static void WriteUnavailable(Utf8JsonWriter writer, string name, string reason)
    {
        writer.WriteNull(name);
        writer.WriteString(name + "Reason", reason);
    }

    /// <summary>Writes an array of numbers with full precision.</summary>
    public static void WriteNumbers(Utf8JsonWriter writer, string name, ReadOnlySpan<double> values)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new InvalidOperationException($"{name} has a non-finite entry ({value})");
            }

            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private double ToNumber(JsonNode node, string name)
    {
        if (node is JsonValue v && v.TryGetValue<double>(out var x))
        {
            return x;
        }

        throw Bad(name, "must be a number");
    }

    private double[] ToVector(JsonNode node, string name)
    {
        if (node is not JsonArray array)
        {
            throw Bad(name, "must be an array of numbers");
        }

        var result = new double[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            result[i] = ToNumber(array[i] ?? throw Bad($"{name}[{i}]", "must be a number"), $"{name}[{i}]");
        }

        return result;
    }

    private CommandLineException Missing(string name) => new($"field '{_prefix}{name}' is required");

    private CommandLineException Bad(string name, string why) => new($"field '{_prefix}{name}' {why}");
}
