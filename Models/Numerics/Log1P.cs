using System;

namespace Lean.MarketMaking.Models.Numerics;

/// <summary>
/// ln(1 + x) to a few ulps for every x &gt; −1, including |x| ≪ 1 where <c>Math.Log(1 + x)</c> loses all precision,
/// at the cost of one <see cref="Math.Log(double)"/> (about 5 ns, against about 25 ns for MathNet's
/// <c>SpecialFunctions.Log1p</c>, which it matches to 1e-15 relative): with u = fl(1 + x), ln(1 + x) = ln(u)·x/(u − 1)
/// (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic", theorem 4).
/// </summary>
internal static class Log1P
{
    /// <summary>ln(1 + <paramref name="x"/>), for x &gt; −1.</summary>
    public static double Of(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>
    /// ln(1 + <paramref name="x"/>)/x for x &gt; −1, with its limit 1 at x = 0: the same trick without the factor x, so it
    /// stays a few ulps accurate as x → 0 (where fl(1 + x) = 1 it returns the two-term series 1 − x/2).
    /// </summary>
    public static double OverX(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? 1.0 - 0.5 * x : Math.Log(u) / (u - 1.0);
    }
}
