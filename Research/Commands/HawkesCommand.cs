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
