using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Simulation;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data;
using QuantConnect.Data.Market;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Alpha;

[TestFixture]
public class AnchorAlphaModelTests
{
    private static readonly Symbol Near = Symbol.Create("NEARUSD", SecurityType.Crypto, Market.Binance);
    private static readonly Symbol Far = Symbol.Create("FARUSD", SecurityType.Crypto, Market.Binance);
    private readonly QCAlgorithm _algorithm = new();

    [Test]
    public void DecidesAsTheLibraryDoesAndEmitsTheAnchorAsAFlatTaggedInsight()
    {
        // The simulated pair as LEAN ticks (a trade at the touch it took, so the quote rule signs it as simulated).
        var updates = TwoLegBookSimulator.Simulate(TwoLegSimulationSettings.Default(), 3.0, seed: 5);
        var settings = new AnchorSettings();
        var alpha = new AnchorAlphaModel(new[] { Near, Far }, settings, TimeSpan.FromSeconds(1));
        var library = new AnchorSelector(2, settings);
        var books = new TopOfBook[2];
        var insights = new List<Insight>();
        var boundary = 1L;
        foreach (var u in updates)
        {
            var symbol = u.Contract == 0 ? Near : Far;
            var time = Start.AddTicks((long)Math.Round(u.TimeSeconds * TimeSpan.TicksPerSecond));
            var seconds = (time - Start).TotalSeconds;
            BaseData tick = u.IsTrade
                ? new Tick(time, symbol, "", "", 1m, (decimal)(u.BuyerInitiated ? books[u.Contract].AskPrice : books[u.Contract].BidPrice))
                : new Tick(time, symbol, (decimal)u.Book.BidSize, (decimal)u.Book.BidPrice, (decimal)u.Book.AskSize, (decimal)u.Book.AskPrice);
            insights.AddRange(alpha.Update(_algorithm, new Slice(time, new[] { tick }, time)));

            while (seconds >= boundary * settings.DecisionWindowSeconds)
            {
                library.Decide(boundary++ * settings.DecisionWindowSeconds);
            }

            if (u.IsTrade)
            {
                library.OnTrade(u.Contract, seconds, u.BuyerInitiated);
            }
            else
            {
                books[u.Contract] = u.Book;
                library.OnQuote(u.Contract, seconds, u.Book);
            }
        }

        Assert.That(alpha.LastDecision, Is.Not.Null);
        Assert.That(alpha.Selector.ArrivalRatio(0), Is.EqualTo(library.ArrivalRatio(0)).Within(1e-12), "the same events, the same forecasts");
        Assert.That(alpha.Selector.ArrivalRatio(1), Is.EqualTo(library.ArrivalRatio(1)).Within(1e-12));
        Assert.That(alpha.Anchor, Is.Not.Null, "an anchor once the first fits are in");
        Assert.That(insights, Is.Not.Empty);
        Assert.That(insights.All(i => i.Direction == InsightDirection.Flat && i.Magnitude is null && i.Tag == AnchorAlphaModel.AnchorTag && i.SourceModel == alpha.Name));
        Assert.That(insights.Last().Symbol, Is.EqualTo(alpha.Anchor));

        // the online hindsight scoring is the library's offline evaluation of the same stream
        var offline = AnchorEvaluation.Run(updates, new AnchorSelector(2, settings));
        Assert.That(alpha.Decisions, Is.EqualTo(boundary - 1), "one decision per window boundary");
        Assert.That(alpha.Evaluation.Windows, Is.EqualTo(offline.Windows));
        Assert.That(alpha.Evaluation.DecisiveWindows, Is.EqualTo(offline.DecisiveWindows));
        Assert.That(alpha.Evaluation.HawkesPicks.Agreements, Is.EqualTo(offline.HawkesPicks.Agreements));
        Assert.That(alpha.Evaluation.ClfAnchors.Agreements, Is.EqualTo(offline.ClfAnchors.Agreements));
        Assert.That(alpha.Evaluation.Windows, Is.GreaterThan(250));
        Assert.That(insights.Count, Is.LessThanOrEqualTo(3 + insights.Zip(insights.Skip(1)).Count(p => p.First.Symbol != p.Second.Symbol)), "re-emitted at most once a period while unchanged");
    }

    [Test]
    public void BadConstructionIsRefused()
    {
        Assert.Throws<MarketMakingException>(() => new AnchorAlphaModel(new[] { Near }, new AnchorSettings(), TimeSpan.FromSeconds(1)));
        Assert.Throws<MarketMakingException>(() => new AnchorAlphaModel(new[] { Near, Near }, new AnchorSettings(), TimeSpan.FromSeconds(1)));
        Assert.Throws<MarketMakingException>(() => new AnchorAlphaModel(new[] { Near, Far }, new AnchorSettings(), TimeSpan.FromMilliseconds(10)));
    }
}
