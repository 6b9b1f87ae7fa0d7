using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using QuantConnect;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Reporting;

/// <summary>
/// Detects a quoted security whose quote currency LEAN cannot convert into the account currency (e.g. a USDT-quoted
/// pair in a USD account without USDT→USD data): LEAN then rejects every order of it ("requires USDT to have a non-zero
/// conversion rate"), so the market maker cannot trade at all. Once the security has data and its quote currency's
/// <see cref="Cash.ConversionRate"/> has stayed 0 for the grace period (the first conversion data point may come a
/// little later), one error naming the fix is reported, once per currency.
/// </summary>
public sealed class QuoteCurrencyCheck
{
    private readonly TimeSpan _grace;
    private readonly Action<string> _error;
    private readonly Dictionary<Symbol, DateTime> _zeroSince = new();
    private readonly HashSet<string> _reported = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the check.</summary>
    /// <param name="grace">How long the rate may stay 0 after the security's first data before it is reported (≥ 0).</param>
    /// <param name="error">Receives the one error line (e.g. <c>QCAlgorithm.Error</c>).</param>
    public QuoteCurrencyCheck(TimeSpan grace, Action<string> error)
    {
        Guard.NonNegative(grace.TotalSeconds, nameof(grace));
        _grace = grace;
        _error = error ?? throw new ArgumentNullException(nameof(error));
    }

    /// <summary>The quote currencies reported so far.</summary>
    public IReadOnlyCollection<string> Unconvertible => _reported;

    /// <summary>
    /// Checks <paramref name="security"/> at algorithm time <paramref name="time"/>; call it every step (a dictionary
    /// lookup, no allocation once the security is known).
    /// </summary>
    /// <returns>False while the security has data and its quote currency has no conversion rate (it cannot trade).</returns>
    public bool Check(Security security, string accountCurrency, DateTime time)
    {
        if (security.GetLastData() is null || security.QuoteCurrency.ConversionRate != 0)
        {
            _zeroSince.Remove(security.Symbol);
            return true;
        }

        if (!_zeroSince.TryGetValue(security.Symbol, out var since))
        {
            _zeroSince[security.Symbol] = since = time;
        }

        var currency = security.QuoteCurrency.Symbol;
        if (time - since >= _grace && _reported.Add(currency))
        {
            _error($"{security.Symbol.Value} cannot be traded: its quote currency {currency} has no conversion rate into the "
                + $"account currency {accountCurrency}, so LEAN rejects every order and no order will be placed. Fix: set the "
                + $"account currency to {currency} (SetAccountCurrency(\"{currency}\") before adding securities; the examples' "
                + $"<prefix>-account-currency parameter), or add data for a {currency}/{accountCurrency} conversion pair.");
        }

        return false;
    }
}
