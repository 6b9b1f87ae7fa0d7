using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lean.MarketMaking.LeanRunner;

/// <summary>
/// <c>Lean.MarketMaking.LeanRunner --algorithm &lt;type name&gt; --data-folder &lt;dir&gt; --results &lt;dir&gt;
/// [--project-config config.json] [--parameter key=value]... [--environment backtesting|live-paper]
/// [--stop-after-minutes m] [--launcher key=value]... [--write-config path]</c>: writes a LEAN Launcher configuration (the handlers of the
/// environment in <c>lean-launcher.json</c>, the algorithm, data and results folders, <c>close-automatically</c>, the
/// <c>parameters</c> of the lean CLI project config with the overrides applied, and any top-level Launcher setting given
/// with <c>--launcher</c>) and runs LEAN's Launcher in this process;
/// with <c>--write-config</c> it only copies that configuration to the path given (for LEAN's own Launcher, which LEAN's
/// optimizer starts: scripts/optimize.sh). The algorithm is a type name of the examples' assembly, or a Python file (<c>main.py</c>): then LEAN runs it as a
/// Python algorithm as the lean CLI configures one (<c>algorithm-language</c> Python, <c>algorithm-location</c> the file,
/// <c>algorithm-type-name</c> the file name without its extension, which names the result files: lean-cli
/// lean/components/config/lean_config_manager.py, <c>get_complete_lean_config</c>); LEAN's pythonnet needs
/// <c>PYTHONNET_PYDLL</c> (run.sh sets it).
/// Environment <c>live-paper</c>: LEAN's live mode with
/// its <c>PaperBrokerage</c> and the synthetic market of <c>Lean.MarketMaking.Live.SyntheticDataQueueHandler</c>, run
/// in the results folder (where LEAN's file command handler looks for <c>command*.json</c>); it runs until stopped:
/// with <c>--stop-after-minutes</c> the runner writes LEAN's <c>QuitCommand</c> there after that long, and LEAN ends
/// the algorithm as a live deployment is stopped (<c>OnEndOfAlgorithm</c>, final results).
/// </summary>
internal static class Program
{
    private const string LauncherAssembly = "QuantConnect.Lean.Launcher.dll";
    private const string AlgorithmAssembly = "Lean.MarketMaking.Algorithms.dll";

    private static int Main(string[] args)
    {
        try
        {
            var options = Options.Parse(args);
            var baseDirectory = AppContext.BaseDirectory;
            var launcherPath = Path.Combine(baseDirectory, LauncherAssembly);
            if (!File.Exists(launcherPath))
            {
                Console.Error.WriteLine($"error: {LauncherAssembly} is not in {baseDirectory}: build with -p:LeanReference=Package or Local");
                return 3;
            }

            var configPath = WriteConfiguration(options, baseDirectory);
            if (options.WriteConfig is not null)
            {
                // for LEAN's own Launcher started by LEAN's optimizer (scripts/optimize.sh): it reads config.json in its folder
                File.Copy(configPath, options.WriteConfig, overwrite: true);
                return 0;
            }

            Console.Error.WriteLine($"LeanRunner: {options.Algorithm} ({options.Environment}) on {options.DataFolder}, results in {options.Results} (config {configPath})");
            if (options.Environment != "backtesting")
            {
                Directory.SetCurrentDirectory(options.Results);
                if (options.StopAfterMinutes is { } minutes)
                {
                    StopAfter(TimeSpan.FromMinutes(minutes), options.Results);
                }
            }

            var main = Assembly.LoadFrom(launcherPath).GetType("QuantConnect.Lean.Launcher.Program")
                ?.GetMethod("Main", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);
            if (main is null)
            {
                Console.Error.WriteLine($"error: {LauncherAssembly} has no QuantConnect.Lean.Launcher.Program.Main");
                return 3;
            }

            if (options.Algorithm.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
            {
                AppDomain.CurrentDomain.UnhandledException += (_, e) => ExitAfterPythonShutdownFault(e.ExceptionObject, options);
            }

            main.Invoke(null, new object[] { new[] { "--config", configPath } });
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>
    /// LEAN's exit after a Python algorithm shuts Python down with a GIL it never releases (<c>PythonInitializer.Shutdown</c>
    /// in LEAN's Common/Python/PythonInitializer.cs: <c>var pyLock = Py.GIL();</c> and no Dispose); pythonnet's finalizer of
    /// that lock then throws on the finalizer thread, which would abort the process after the results are written. That
    /// one fault ends the process with LEAN's outcome instead: 0 when LEAN wrote the backtest's summary, 1 otherwise.
    /// </summary>
    private static void ExitAfterPythonShutdownFault(object exception, Options options)
    {
        if (exception is InvalidOperationException { StackTrace: { } trace } && trace.Contains("Py.GILState.Finalize", StringComparison.Ordinal))
        {
            var completed = File.Exists(Path.Combine(options.Results, Path.GetFileNameWithoutExtension(options.Algorithm) + "-summary.json"));
            Console.Error.WriteLine($"LeanRunner: LEAN's Python shutdown left its GIL to the finalizer ({exception.GetType().Name}); exiting with {(completed ? 0 : 1)}");
            Environment.Exit(completed ? 0 : 1);
        }
    }

    /// <summary>
    /// After <paramref name="delay"/>, writes LEAN's quit command into <paramref name="folder"/> (LEAN's
    /// <c>FileCommandHandler</c> reads <c>command*.json</c> from the working directory in live mode, runs the command and
    /// deletes the file): the algorithm is stopped as a live deployment is.
    /// </summary>
    private static void StopAfter(TimeSpan delay, string folder)
    {
        var thread = new System.Threading.Thread(() =>
        {
            System.Threading.Thread.Sleep(delay);
            var path = Path.Combine(folder, "command-stop.json");
            File.WriteAllText(path + ".tmp", "{\"$type\": \"QuantConnect.Commands.QuitCommand, QuantConnect.Common\", \"Id\": \"lean-runner-stop\"}");
            File.Move(path + ".tmp", path);
            Console.Error.WriteLine($"LeanRunner: {delay.TotalMinutes} minutes passed: quit command written to {path}");
        }) { IsBackground = true, Name = "LeanRunner stop" };
        thread.Start();
    }

    private static string WriteConfiguration(Options options, string baseDirectory)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(baseDirectory, "lean-launcher.json")))!.AsObject();
        var parameters = new JsonObject();
        if (options.ProjectConfig is not null)
        {
            var project = JsonNode.Parse(File.ReadAllText(options.ProjectConfig)) as JsonObject;
            if (project?["parameters"] is JsonObject projectParameters)
            {
                foreach (var (key, value) in projectParameters)
                {
                    parameters[key] = value?.ToString();
                }
            }
        }

        foreach (var (key, value) in options.Overrides)
        {
            parameters[key] = value;
        }

        Directory.CreateDirectory(options.Results);
        if (config["environments"]?[options.Environment] is null)
        {
            throw new ArgumentException($"unknown environment '{options.Environment}' (lean-launcher.json has {string.Join(", ", config["environments"]!.AsObject().Select(e => e.Key))})");
        }

        foreach (var (key, value) in options.LauncherSettings)
        {
            config[key] = value;
        }

        config["environment"] = options.Environment;
        if (options.Algorithm.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.GetFullPath(options.Algorithm);
            if (!File.Exists(file))
            {
                throw new ArgumentException($"no Python algorithm file {file}");
            }

            config["algorithm-language"] = "Python";
            config["algorithm-type-name"] = Path.GetFileNameWithoutExtension(file);
            config["algorithm-location"] = file;
            // LEAN puts its working directory on Python's path (PythonInitializer.ConfigurePythonPaths), the Launcher
            // folder when LEAN's own Launcher runs; here the Launcher folder is this application's, which holds
            // AlgorithmImports.py and the plugin's assemblies
            config["python-additional-paths"] = new JsonArray(baseDirectory);
        }
        else
        {
            config["algorithm-type-name"] = options.Algorithm;
            config["algorithm-location"] = Path.Combine(baseDirectory, AlgorithmAssembly);
        }

        config["data-folder"] = options.DataFolder;
        config["results-destination-folder"] = options.Results;
        config["object-store-root"] = Path.Combine(options.Results, "storage");
        config["close-automatically"] = true;
        config["parameters"] = parameters;
        var path = Path.Combine(options.Results, "lean-launcher-config.json");
        File.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private sealed record Options(string Algorithm, string DataFolder, string Results, string? ProjectConfig, IReadOnlyList<(string Key, string Value)> Overrides,
        string Environment, double? StopAfterMinutes, IReadOnlyList<(string Key, string Value)> LauncherSettings, string? WriteConfig)
    {
        public static Options Parse(string[] args)
        {
            string? algorithm = null, data = null, results = null, project = null, write = null;
            string environment = "backtesting";
            double? stopAfter = null;
            var overrides = new List<(string, string)>();
            var launcher = new List<(string, string)>();
            for (var i = 0; i < args.Length; i += 2)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--algorithm": algorithm = value; break;
                    case "--data-folder": data = Path.GetFullPath(value); break;
                    case "--results": results = Path.GetFullPath(value); break;
                    case "--project-config": project = Path.GetFullPath(value); break;
                    case "--write-config": write = Path.GetFullPath(value); break;
                    case "--parameter": overrides.Add(KeyValue(args[i], value)); break;
                    case "--launcher": launcher.Add(KeyValue(args[i], value)); break;
                    case "--environment": environment = value; break;
                    case "--stop-after-minutes":
                        stopAfter = double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0
                            ? minutes
                            : throw new ArgumentException($"--stop-after-minutes needs a positive number, got '{value}'");
                        break;
                    default: throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }

            return new Options(
                algorithm ?? throw new ArgumentException("--algorithm is required"),
                data ?? throw new ArgumentException("--data-folder is required"),
                results ?? throw new ArgumentException("--results is required"),
                project,
                overrides,
                environment,
                stopAfter,
                launcher,
                write);
        }

        private static (string, string) KeyValue(string option, string value)
        {
            var split = value.IndexOf('=');
            return split > 0 ? (value[..split], value[(split + 1)..]) : throw new ArgumentException($"{option} needs key=value, got '{value}'");
        }
    }
}
