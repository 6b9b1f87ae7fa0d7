using System;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// Token bucket of an <see cref="OrderRateLimit"/>, on the caller's clock (UTC): starts full, refills continuously at
/// the budget's rate up to its burst. A request that may wait goes out only while <see cref="Available"/> is at least
/// one; <see cref="Take"/> takes the token, also for a request that must go out now (a cancel), which may leave the
/// bucket in debt that later requests wait out. O(1), no allocation.
/// </summary>
public sealed class TokenBucket
{
    private readonly double _perSecond;
    private readonly double _burst;
    private double _tokens;
    private DateTime _last;

    /// <summary>Creates a full bucket.</summary>
    public TokenBucket(OrderRateLimit limit)
    {
        _perSecond = limit.RequestsPerSecond;
        _burst = limit.Burst;
        _tokens = _burst;
        _last = DateTime.MinValue;
    }

    /// <summary>Tokens available at <paramref name="utcNow"/> (negative while in debt).</summary>
    public double Available(DateTime utcNow)
    {
        Refill(utcNow);
        return _tokens;
    }

    /// <summary>Takes one token whatever is available (the bucket may go into debt).</summary>
    public void Take(DateTime utcNow)
    {
        Refill(utcNow);
        _tokens -= 1;
    }

    private void Refill(DateTime utcNow)
    {
        if (_last == DateTime.MinValue)
        {
            _last = utcNow;
            return;
        }

        if (utcNow > _last)
        {
            _tokens = Math.Min(_burst, _tokens + (utcNow - _last).TotalSeconds * _perSecond);
            _last = utcNow;
        }
    }
}
