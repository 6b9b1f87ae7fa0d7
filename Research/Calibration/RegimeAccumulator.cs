using System;
using System.Collections.Generic;
using System.Text.Json;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Regimes;
using Lean.MarketMaking.Research.Commands;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Two volatility regimes: a 2-state Gaussian HMM (Baum–Welch, states ordered calm first) on the sampled log-returns of
/// all days, in order (returns across the overnight gap are not formed). Per state: mean and volatility per sampled
/// return and per second, expected duration; the transition matrix per sampling step; and the fraction of time in each
/// state, the average smoothed probability. Memory: one number per sampled return.
/// </summary>
internal sealed class RegimeAccumulator
{
    private const int States = 2;
    private const int MinReturns = 50;
    private readonly List<double> _returns = new();

    /// <summary>Adds one day.</summary>
    public void Add(CalibrationDay day)
    {
        var s = day.Samples;
        for (var i = 1; i < s.Count; i++)
        {
            _returns.Add(Math.Log(s[i].Price / s[i - 1].Price));
        }
    }

    /// <summary>Fits and writes the <c>regimes</c> object.</summary>
    public void Write(Utf8JsonWriter w)
    {
        if (_returns.Count < MinReturns)
        {
            JsonFields.WriteUnavailable(w, "regimes", $"{_returns.Count} sampled returns; at least {MinReturns} are needed");
            return;
        }

        var returns = _returns.ToArray();
        HiddenMarkovModelFit fit;
        double[,] posteriors;
        try
        {
            fit = GaussianHiddenMarkovModel.Fit(returns, new HiddenMarkovModelFitOptions(States, requireConvergence: false));
            posteriors = GaussianHiddenMarkovModel.SmoothedProbabilities(fit.Parameters, returns);
        }
        catch (MarketMakingException e) when (e.Kind is MarketMakingErrorKind.InvalidParameters or MarketMakingErrorKind.ModelConvergenceFailed or MarketMakingErrorKind.NumericalInstability)
        {
            JsonFields.WriteUnavailable(w, "regimes", e.Message);
            return;
        }

        var p = fit.Parameters;
        var step = CalibrationRun.SampleSeconds;
        w.WriteStartObject("regimes");
        w.WriteString("observations", $"log-returns of the previous-tick mid every {step} s, overnight returns excluded; state 0 is the calmer");
        JsonFields.WriteNumber(w, "stepSeconds", step);
        JsonFields.WriteNumber(w, "returns", returns.Length);
        JsonFields.WriteNumber(w, "logLikelihood", fit.LogLikelihood);
        w.WriteBoolean("converged", fit.Converged);
        w.WriteStartArray("states");
        for (var k = 0; k < States; k++)
        {
            var occupancy = 0.0;
            for (var t = 0; t < returns.Length; t++)
            {
                occupancy += posteriors[t, k];
            }

            var e = p.Emissions[k];
            w.WriteStartObject();
            JsonFields.WriteNumber(w, "meanPerStep", e.Mean[0]);
            JsonFields.WriteNumber(w, "volatilityPerStep", e.Volatility(0));
            JsonFields.WriteNumber(w, "volatilityPerSqrtSecond", e.Volatility(0) / Math.Sqrt(step));
            // A state the chain never leaves (p_kk = 1 in the fit) has an infinite expected duration: printed as null.
            double? duration = double.IsFinite(p.ExpectedDuration(k)) ? p.ExpectedDuration(k) : null;
            JsonFields.WriteNumber(w, "expectedDurationSteps", duration);
            JsonFields.WriteNumber(w, "expectedDurationSeconds", duration * step);
            JsonFields.WriteNumber(w, "fractionOfTime", occupancy / returns.Length);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonFields.WriteMatrix(w, "transitionMatrix", States, States, p.Transition);
        w.WriteEndObject();
    }
}
