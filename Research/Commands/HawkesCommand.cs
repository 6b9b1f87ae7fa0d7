using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
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
    private const string Usage = "usage: hawkes loglik|fit < input.json";

    /// <inheritdoc />
    public Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var loglik = new Command(
            "loglik",
            "Reads {\"events\":[[...],...],\"T\":...,\"mu\":[...],\"alpha\":[[...],...],\"beta\":...} on stdin (event times on [0, T] "
            + "in any time unit; mu and alpha in events per that unit, beta per that unit) and prints {\"logLikelihood\":...}");
        loglik.SetAction(_ => Run("loglik", stdin, stdout));
        var fit = new Command(
            "fit",
            "Reads {\"events\":[[...],...],\"T\":...} on stdin and prints the maximum-likelihood mu, alpha, beta (per time unit of the events), "
            + "spectralRadius, logLikelihood and the fit's wall time in seconds");
        fit.SetAction(_ => Run("fit", stdin, stdout));
        var command = new Command("hawkes", "Exponential-kernel multivariate Hawkes log-likelihood or maximum-likelihood fit, JSON on stdin")
        {
            loglik,
            fit,
        };
        command.SetAction(new Func<ParseResult, int>(_ => throw new CommandLineException(Usage)));
        return command;
    }

    private static int Run(string mode, TextReader stdin, TextWriter stdout)
    {
        var input = JsonFields.Parse(stdin);
        var events = new HawkesEvents(input.Jagged("events"), input.Number("T"));
        if (mode == "loglik")
        {
            var parameters = new HawkesParameters(input.Vector("mu"), input.SquareMatrix("alpha"), input.Number("beta"));
            var logLikelihood = HawkesLikelihood.LogLikelihood(parameters, events);
            JsonFields.WriteObject(stdout, w => JsonFields.WriteNumber(w, "logLikelihood", logLikelihood));
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var fit = HawkesEstimator.Fit(events);
        var seconds = clock.Elapsed.TotalSeconds;
        var p = fit.Parameters;
        JsonFields.WriteObject(stdout, w =>
        {
            JsonFields.WriteNumbers(w, "mu", p.Mu.AsSpan());
            JsonFields.WriteMatrix(w, "alpha", p.Dimension, p.Dimension, p.Alpha);
            JsonFields.WriteNumber(w, "beta", p.Beta);
            JsonFields.WriteNumber(w, "spectralRadius", p.SpectralRadius);
            JsonFields.WriteNumber(w, "logLikelihood", fit.LogLikelihood);
            JsonFields.WriteNumber(w, "seconds", seconds);
        });
        return 0;
    }
}
