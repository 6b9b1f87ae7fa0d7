using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation;

/// <summary>
/// Validation of raw (time, price) observations and their conversion into log-returns, shared by the batch and
/// online estimators. Every failure is a <see cref="MarketMakingErrorKind.InvalidMarketData"/> exception.
/// </summary>
internal static class MarketData
{
    /// <summary>Checks one observation on its own: finite time, finite positive price.</summary>
    public static void CheckObservation(double timeSeconds, double price, string name)
    {
        if (!double.IsFinite(timeSeconds))
        {
            throw Invalid(name, $"time must be finite, got {timeSeconds}");
        }

        if (!double.IsFinite(price) || price <= 0)
        {
            throw Invalid(name, $"price must be finite and > 0, got {price}");
        }
    }

    /// <summary>Checks that <paramref name="timeSeconds"/> does not precede <paramref name="previousTimeSeconds"/>.</summary>
    public static void CheckOrder(double previousTimeSeconds, double timeSeconds, string name)
    {
        if (timeSeconds < previousTimeSeconds)
        {
            throw Invalid(name, $"time {timeSeconds} precedes the previous observation's time {previousTimeSeconds}");
        }
    }

    /// <summary>
    /// Validates <paramref name="observations"/> (finite times in non-decreasing order, finite positive prices) and
    /// writes the <c>observations.Length − 1</c> log-returns ln(Pᵢ/Pᵢ₋₁) into <paramref name="returns"/>.
    /// </summary>
    /// <returns>Elapsed time t_last − t_first in seconds.</returns>
    public static double LogReturns(ReadOnlySpan<PriceObservation> observations, Span<double> returns)
    {
        if (observations.Length < 2)
        {
            throw Invalid(nameof(observations), $"needs at least 2 observations, got {observations.Length}");
        }

        CheckObservation(observations[0].TimeSeconds, observations[0].Price, "observations[0]");
        var previousLog = Math.Log(observations[0].Price);
        for (var i = 1; i < observations.Length; i++)
        {
            var o = observations[i];
            CheckObservation(o.TimeSeconds, o.Price, $"observations[{i}]");
            CheckOrder(observations[i - 1].TimeSeconds, o.TimeSeconds, $"observations[{i}]");
            var log = Math.Log(o.Price);
            returns[i - 1] = log - previousLog;
            previousLog = log;
        }

        return observations[^1].TimeSeconds - observations[0].TimeSeconds;
    }

    /// <summary>Allocates and fills the log-returns of <paramref name="observations"/>; see <see cref="LogReturns(ReadOnlySpan{PriceObservation}, Span{double})"/>.</summary>
    public static double[] LogReturns(ReadOnlySpan<PriceObservation> observations, out double elapsedSeconds)
    {
        var returns = new double[Math.Max(0, observations.Length - 1)];
        elapsedSeconds = LogReturns(observations, returns);
        return returns;
    }

    /// <summary>Builds an <see cref="MarketMakingErrorKind.InvalidMarketData"/> exception.</summary>
    public static MarketMakingException Invalid(string name, string why) =>
        new(MarketMakingErrorKind.InvalidMarketData, why, name);
}
