using System.IO;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Tests.Support;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research.Data;

[TestFixture]
public class LeanSymbolPropertiesTests
{
    [TestCase(LeanSecurityType.Equity, "usa", "IBM", 0.01, 1.0)]
    [TestCase(LeanSecurityType.Forex, "oanda", "EURUSD", 0.00001, 1.0)]
    [TestCase(LeanSecurityType.Crypto, "coinbase", "BTCUSD", 0.01, 0.00000001)]
    public void ReadsTheSampleDatabaseWithTheMarketWildcardFallback(LeanSecurityType type, string market, string ticker, double tick, double lot)
    {
        // Rows of ../shared/data/lean/symbol-properties/symbol-properties-database.csv: "usa,[*],equity,,USD,1,0.01,1",
        // "oanda,EURUSD,forex,EUR/USD,USD,1,0.00001,1", "coinbase,BTCUSD,crypto,…,USD,1,0.01,0.00000001,…".
        var properties = LeanSymbolProperties.For(SampleData.LeanDataFolder, new LeanSymbol(type, market, ticker));
        Assert.That(properties.MinimumPriceVariation, Is.EqualTo(tick));
        Assert.That(properties.LotSize, Is.EqualTo(lot));
    }

    [Test]
    public void AMissingEntryOrFileIsNamed()
    {
        var unknown = Assert.Throws<MarketMakingException>(
            () => LeanSymbolProperties.For(SampleData.LeanDataFolder, new LeanSymbol(LeanSecurityType.Crypto, "nowhere", "XYZ")))!;
        Assert.That(unknown.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(unknown.Message, Does.Contain("no entry"));
        var missing = Assert.Throws<MarketMakingException>(
            () => LeanSymbolProperties.For(Path.GetTempPath(), new LeanSymbol(LeanSecurityType.Equity, "usa", "IBM")))!;
        Assert.That(missing.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
    }
}
