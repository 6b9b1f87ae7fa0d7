using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Risk;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.PortfolioConstruction;

[TestFixture]
public class AnchoredPortfolioConstructionModelTests
{
    private static readonly Symbol Near = Symbol.Create("NEARUSD", SecurityType.Crypto, Market.Binance);
    private static readonly Symbol Far = Symbol.Create("FARUSD", SecurityType.Crypto, Market.Binance);
    private readonly QCAlgorithm _algorithm = new();

    [Test]
    public void EachLegIsQuotedAroundTheAnchorsMidPlusItsBasis()
    {
        var mids = new Dictionary<Symbol, List<double>> { [Near] = new(), [Far] = new() };
        Symbol? anchor = null;
        var pcm = new Testable(s => new Recording(mids[s]), () => anchor, basisWeight: 0.1);
        var near = NewSecurity(Near).Quote(99.98m, 100.02m, Start);
        var far = NewSecurity(Far).Quote(109.98m, 110.02m, Start);
        pcm.OnSecuritiesChanged(_algorithm, Added(near, far));

        pcm.CreateTargets(_algorithm, Array.Empty<QuantConnect.Algorithm.Framework.Alphas.Insight>()).ToList();
        Assert.That((mids[Near][^1], mids[Far][^1]), Is.EqualTo((100.0, 110.0)), "no anchor: each leg's own mid; basis 10 seen");
        Assert.That(pcm.AnchoredQuotes, Is.Zero);

        // the thin leg moves by 0.1 while Near anchors: Far is quoted at 100 + basis, the basis moving by 0.1 of the jump
        anchor = Near;
        far.Quote(110.08m, 110.12m, Start);
        pcm.CreateTargets(_algorithm, Array.Empty<QuantConnect.Algorithm.Framework.Alphas.Insight>()).ToList();
        Assert.That(mids[Near][^1], Is.EqualTo(100.0), "the anchor is quoted on its own mid");
        Assert.That(mids[Far][^1], Is.EqualTo(110.01).Within(1e-9), "100 + 10 + 0.1·(10.1 − 10)");
        Assert.That(pcm.AnchoredQuotes, Is.EqualTo(1));

        // Far anchors: Near (quoted first) is quoted at Far's mid minus Far's basis so far (110.1 − 10.01)
        anchor = Far;
        pcm.CreateTargets(_algorithm, Array.Empty<QuantConnect.Algorithm.Framework.Alphas.Insight>()).ToList();
        Assert.That(mids[Far][^1], Is.EqualTo(110.1).Within(1e-9), "the anchor is quoted on its own mid");
        Assert.That(mids[Near][^1], Is.EqualTo(110.1 - 10.01).Within(1e-9));
        Assert.That(pcm.AnchoredQuotes, Is.EqualTo(2));
    }

    [Test]
    public void BadConstructionIsRefused()
    {
        var clock = new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Throws<MarketMakingException>(() => new AnchoredPortfolioConstructionModel(_ => null!, clock, TimeSpan.FromSeconds(5), () => null, 0));
        Assert.Throws<MarketMakingException>(() => new AnchoredPortfolioConstructionModel(_ => null!, clock, TimeSpan.FromSeconds(5), null!, 0.5));
    }

    private sealed class Recording : IQuotingModel
    {
        private readonly List<double> _mids;

        public Recording(List<double> mids) => _mids = mids;

        public TwoSidedQuote Quote(in MarketSnapshot snapshot)
        {
            _mids.Add(snapshot.Mid);
            return TwoSidedQuote.FromDepths(snapshot.Mid, snapshot.Mid, 0.5, 0.5, 1, 1);
        }
    }

    private sealed class Testable : AnchoredPortfolioConstructionModel
    {
        public Testable(Func<Symbol, IQuotingModel> factory, Func<Symbol?> anchor, double basisWeight)
            : base(factory, new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(5), anchor, basisWeight)
        {
        }

        protected override InventoryExposure GetExposure(QCAlgorithm algorithm, Security security) => default;

        protected override DateTime GetUtcTime(QCAlgorithm algorithm) => new(2024, 1, 2, 15, 0, 0, DateTimeKind.Utc);

        protected override void Log(QCAlgorithm algorithm, string message)
        {
        }
    }
}
