using System.Linq;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Risk;
using NUnit.Framework;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Risk;

[TestFixture]
public class InventoryLimitRiskManagementModelTests
{
    private static readonly InventoryLimits Limits = InventoryLimits.Symmetric(2m);

    [TestCase(0, 0, 0, 1, 1, InventoryLimitAction.Keep, 1, 1)]
    [TestCase(1.5, 0, 0, 1, 1, InventoryLimitAction.OneSided, 0, 1)]   // 1.5 + 1 > 2: bid off
    [TestCase(-1.5, 0, 0, 1, 1, InventoryLimitAction.OneSided, 1, 0)]  // −1.5 − 1 < −2: ask off
    [TestCase(1, 1.5, 0, 0.5, 0.5, InventoryLimitAction.OneSided, 0, 0.5)] // working bid 1.5 counts: 1 + 1.5 > 2
    [TestCase(1, 0.5, 0, 1, 1, InventoryLimitAction.Keep, 1, 1)]      // 1 + max(0.5, 1) = 2: at the limit is allowed
    [TestCase(2.5, 0, 0, 1, 1, InventoryLimitAction.Reduce, 0, 0)]
    [TestCase(-2.01, 0, 0, 1, 1, InventoryLimitAction.Reduce, 0, 0)]
    public void LimitsCountWorkingOrders(decimal holdings, decimal openBuy, decimal openSell, decimal bidSize, decimal askSize,
        InventoryLimitAction action, decimal expectedBid, decimal expectedAsk)
    {
        var verdict = Limits.Evaluate(new InventoryExposure(holdings, openBuy, openSell), bidSize, askSize);
        Assert.That(verdict, Is.EqualTo(new InventoryLimitVerdict(action, expectedBid, expectedAsk)));
    }

    [Test]
    public void NetExposureIncludesWorkingOrders() =>
        Assert.That(new InventoryExposure(1m, 0.5m, 2m).Net, Is.EqualTo(-0.5m));

    [Test]
    public void RejectsNonPositiveLimits() =>
        Assert.That(Assert.Throws<MarketMakingException>(() => new InventoryLimits(0m, 1m))!.ParameterName, Is.EqualTo("maxLong"));

    [Test]
    public void NearTheLimitTheBreachingSideGetsSizeZero()
    {
        var (model, _) = Create();
        var quote = new QuoteTarget(Btc, new InventoryExposure(1.5m, 0.5m, 0.5m), 99m, 101m, 1m, 1m, 100m);

        var result = model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }).Single();

        var adjusted = (IQuoteTarget)result;
        Assert.That((adjusted.BidSize, adjusted.AskSize), Is.EqualTo((0m, 1m)));
        Assert.That((adjusted.BidPrice, adjusted.AskPrice, adjusted.Quantity), Is.EqualTo((99m, 101m, 1.5m)));
    }

    [Test]
    public void InsideTheLimitsNothingIsOverridden()
    {
        var (model, _) = Create();
        var quote = new QuoteTarget(Btc, new InventoryExposure(0m, 0m, 0m), 99m, 101m, 1m, 1m, 100m);
        Assert.That(model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }), Is.Empty);
    }

    [TestCase(2.5, 2)]
    [TestCase(-2.01, -2)]
    public void BeyondTheLimitATargetAtTheLimitNotAtZeroIsEmittedAndLoggedOncePerBreach(decimal holdings, decimal expected)
    {
        var (model, security) = Create();
        security.Holding(holdings);
        var quote = new QuoteTarget(Btc, new InventoryExposure(holdings, 0m, 0m), 99m, 101m, 1m, 1m, 100m);

        for (var i = 0; i < 3; i++)
        {
            var target = model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }).Single();
            Assert.That(target, Is.Not.InstanceOf<IQuoteTarget>());
            Assert.That(target.Quantity, Is.EqualTo(expected), "reduced to the limit on the position's side");
        }

        Assert.That(model.Logs.Lines.Single(), Does.Contain($"reducing to {expected}"));
    }

    [Test]
    public void ABreachIsReducedEvenWithoutAQuoteTarget()
    {
        var (model, security) = Create();
        security.Holding(-3m);
        var target = model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[0]).Single();
        Assert.That((target.Symbol, target.Quantity), Is.EqualTo((Btc, -2m)));
    }

    [TestCase(5, 2)]
    [TestCase(-5, -3)]
    [TestCase(1, 1)]
    public void TheReductionTargetIsTheLimitOnThePositionsSide(decimal holdings, decimal expected) =>
        Assert.That(new InventoryLimits(2m, 3m).ReductionTarget(holdings), Is.EqualTo(expected));

    private static (TestableRisk Model, Security Security) Create()
    {
        var model = new TestableRisk(Limits);
        var security = NewSecurity();
        model.OnSecuritiesChanged(new QCAlgorithm(), Added(security));
        return (model, security);
    }

    private sealed class TestableRisk : InventoryLimitRiskManagementModel
    {
        public TestableRisk(InventoryLimits limits) : base(limits)
        {
        }

        public LogSink Logs { get; } = new();

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }
}
