using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// An order-request budget as a token bucket: <see cref="Burst"/> requests at once, refilled at
/// <see cref="RequestsPerSecond"/>. Every order request (submit, update, cancel) takes one token.
/// </summary>
public sealed class OrderRateLimit
{
    /// <summary>Creates a validated budget.</summary>
    /// <param name="requestsPerSecond">Sustained rate, order requests per second (&gt; 0).</param>
    /// <param name="burst">Bucket size: requests that may go out at once after a quiet spell (≥ 1).</param>
    public OrderRateLimit(double requestsPerSecond, int burst)
    {
        RequestsPerSecond = Guard.Positive(requestsPerSecond, nameof(requestsPerSecond));
        Burst = Guard.Positive(burst, nameof(burst));
    }

    /// <summary>Sustained rate, order requests per second.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>Bucket size: requests that may go out at once after a quiet spell.</summary>
    public int Burst { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RequestsPerSecond:0.###}/s, burst {Burst}";
}
