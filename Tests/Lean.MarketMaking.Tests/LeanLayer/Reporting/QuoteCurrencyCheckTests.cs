using System;
using System.Collections.Generic;
using Lean.MarketMaking.Algorithms.Reporting;
using NUnit.Framework;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Reporting;

[TestFixture]
public class QuoteCurrencyCheckTests
{
    [Test]
    public void AQuoteCurrencyWithoutAConversionRateIsReportedOnceWithTheFix()
    {
        // BTCUSDT with an account in USD and no USDT→USD data: LEAN leaves USDT's rate at 0 and rejects every order
        var security = NewSecurity();
        security.QuoteCurrency.ConversionRate = 0m;
        var errors = new List<string>();
        var check = new QuoteCurrencyCheck(TimeSpan.FromMinutes(1), errors.Add);

        Assert.That(check.Check(security, "USD", Start), Is.True, "no data yet: nothing to say");
        security.Quote(100m, 100.02m, Start);
        Assert.That(check.Check(security, "USD", Start), Is.False, "untradable from the first data point");
        Assert.That(errors, Is.Empty, "the rate may still come with the first conversion data: one minute's grace");
        for (var s = 1; s <= 600; s++)
        {
            check.Check(security, "USD", Start.AddSeconds(s));
        }

        Assert.That(errors, Has.Count.EqualTo(1), "once");
        Assert.That(errors[0], Does.Contain("BTCUSDT").And.Contain("USDT").And.Contain("SetAccountCurrency(\"USDT\")")
            .And.Contain("conversion").And.Contain("no order"));
        Assert.That(check.Unconvertible, Is.EquivalentTo(new[] { "USDT" }));
    }

    [Test]
    public void ARateThatArrivesWithinTheGraceIsNotReported()
    {
        var security = NewSecurity().Quote(100m, 100.02m, Start);
        security.QuoteCurrency.ConversionRate = 0m;
        var errors = new List<string>();
        var check = new QuoteCurrencyCheck(TimeSpan.FromMinutes(1), errors.Add);
        check.Check(security, "USD", Start);
        security.QuoteCurrency.ConversionRate = 1.0003m;
        Assert.That(check.Check(security, "USD", Start.AddSeconds(30)), Is.True);
        Assert.That(check.Check(security, "USD", Start.AddMinutes(5)), Is.True);
        Assert.That(errors, Is.Empty);
        Assert.That(check.Unconvertible, Is.Empty);
    }
}
