using System;
using System.Linq;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Risk;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Algorithm.Framework.Risk;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Risk;

[TestFixture]
public class KillSwitchRiskManagementModelTests
{
    private static readonly DateTime Day1 = new(2024, 1, 2, 10, 0, 0);

    [Test]
    public void TheDailyLossTripsAtTheLimitFromTheDaysFirstEquityAndStaysTrippedAcrossDays()
    {
        var s = new KillSwitch(new KillSwitchLimits(dailyLossLimit: 100m, maxDrawdown: null));
        Assert.That(s.Update(Day1, 1000m), Is.False);
        Assert.That(s.Update(Day1.AddHours(1), 1050m), Is.False);
        Assert.That(s.Update(Day1.AddHours(2), 901m), Is.False, "99 below the day's start");
        Assert.That(s.Update(Day1.AddDays(1), 850m), Is.False, "a new day starts from 850");
        Assert.That(s.Update(Day1.AddDays(1).AddHours(1), 750m), Is.True, "100 below the day's start: at the limit trips");
        Assert.That(s.Reason, Does.Contain("daily loss 100"));
        Assert.That(s.TrippedAt, Is.EqualTo(Day1.AddDays(1).AddHours(1)));
        Assert.That(s.Update(Day1.AddDays(2), 2000m), Is.True, "no re-arm by a new day or a recovery");
    }

    [Test]
    public void TheDrawdownIsFromTheRunningPeakAndReArmingRestartsIt()
    {
        var s = new KillSwitch(new KillSwitchLimits(null, maxDrawdown: 50m));
        s.Update(Day1, 1000m);
        s.Update(Day1.AddDays(1), 1200m);
        Assert.That(s.Update(Day1.AddDays(2), 1151m), Is.False);
        Assert.That(s.Update(Day1.AddDays(3), 1150m), Is.True);
        Assert.That(s.Reason, Does.Contain("peak 1200"));
        s.Rearm();
        Assert.That((s.IsTripped, s.Reason), Is.EqualTo((false, (string?)null)));
        Assert.That(s.Update(Day1.AddDays(3), 1120m), Is.False, "the peak restarts at 1120");
        Assert.That(s.PeakEquity, Is.EqualTo(1120m));
        Assert.That(s.Update(Day1.AddDays(3), 1070m), Is.True);
    }

    [Test]
    public void AManualKillTripsAnySwitchAndLimitsAreValidated()
    {
        var s = new KillSwitch(KillSwitchLimits.ManualOnly);
        Assert.That(s.Update(Day1, 1m), Is.False);
        Assert.That(s.Update(Day1, -1_000_000m), Is.False, "no limit: only a kill trips it");
        s.Kill("operator");
        Assert.That((s.Update(Day1.AddHours(1), 1m), s.Reason, s.TrippedAt), Is.EqualTo((true, "operator", (DateTime?)Day1.AddHours(1))));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new KillSwitchLimits(0m, null))!.ParameterName, Is.EqualTo("dailyLossLimit"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new KillSwitchLimits(null, -1m))!.ParameterName, Is.EqualTo("maxDrawdown"));
    }

    [Test]
    public void OnceTrippedEverySecurityGetsAZeroTargetEveryStepUntilReArmed()
    {
        var (model, btc, eth) = Create(new KillSwitchLimits(dailyLossLimit: 10m, null));
        var quote = new QuoteTarget(btc.Symbol, new InventoryExposure(0.5m, 0m, 0m), 99m, 101m, 1m, 1m, 100m);
        model.Equity = 1000m;
        Assert.That(model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }), Is.Empty, "armed: nothing overridden");

        for (var step = 0; step < 3; step++)
        {
            model.Equity = 990m + (5m * step); // 10 lost trips it; recovering does not re-arm
            var targets = model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }).ToArray();
            Assert.That(targets.Select(t => t.Symbol), Is.EquivalentTo(new[] { btc.Symbol, eth.Symbol }), "every security, quoted or not");
            Assert.That(targets, Has.All.Matches<IPortfolioTarget>(t => t.Quantity == 0 && t is not IQuoteTarget));
            Assert.That(((PortfolioTarget)targets[0]).Tag, Does.StartWith(KillSwitchRiskManagementModel.TagPrefix + "daily loss"));
        }

        Assert.That(model.Logs.Lines, Has.Count.EqualTo(1), "logged once per trip");
        model.Rearm();
        Assert.That(model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }), Is.Empty);
        model.Kill("operator");
        Assert.That(model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }).Select(t => ((PortfolioTarget)t).Tag),
            Has.All.EqualTo(KillSwitchRiskManagementModel.TagPrefix + "operator"));
    }

    [Test]
    public void LeansCommandKillsAndReArmsTheAlgorithmsSwitch()
    {
        var algorithm = new KillSwitchAlgorithm();
        Assert.That(new KillSwitchCommand { Reason = "desk" }.Run(algorithm), Is.True);
        Assert.That((algorithm.KillSwitch.Switch.IsTripped, algorithm.KillSwitch.Switch.Reason), Is.EqualTo((true, "desk")));
        Assert.That(new KillSwitchCommand { Action = "rearm" }.Run(algorithm), Is.True);
        Assert.That(algorithm.KillSwitch.Switch.IsTripped, Is.False);
        Assert.That(new KillSwitchCommand { Action = "explode" }.Run(algorithm), Is.False);
        Assert.That(new KillSwitchCommand().Run(new QCAlgorithm()), Is.False, "an algorithm without a kill switch");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void InAnyOrderOfCompositionAZeroTargetBeatsTheInventoryLimitsReduction(bool zeroFirst)
    {
        // LEAN's CompositeRiskManagementModel prefers the later model's target: the inventory limit must not replace a
        // stricter plain target (zero) given to it by an earlier model with its reduce-to-the-limit target
        var security = NewSecurity().Holding(3m);
        var zero = new ZeroTargetModel(security.Symbol);
        var limits = new QuietInventoryLimit(InventoryLimits.Symmetric(2m));
        var composite = zeroFirst ? new CompositeRiskManagementModel(zero, limits) : new CompositeRiskManagementModel(limits, zero);
        composite.OnSecuritiesChanged(new QCAlgorithm(), Added(security));
        var quote = new QuoteTarget(security.Symbol, new InventoryExposure(3m, 0m, 0m), 99m, 101m, 1m, 1m, 100m);

        var target = composite.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }).Single();

        Assert.That((target.Quantity, target is IQuoteTarget), Is.EqualTo((0m, false)));
    }

    [Test]
    public void AStricterPlainTargetOnTheSameSideIsKeptAndALooserOneIsReduced()
    {
        var security = NewSecurity().Holding(3m);
        var limits = new QuietInventoryLimit(InventoryLimits.Symmetric(2m));
        limits.OnSecuritiesChanged(new QCAlgorithm(), Added(security));
        Assert.That(limits.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { new PortfolioTarget(security.Symbol, 1m) }), Is.Empty);
        Assert.That(limits.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { new PortfolioTarget(security.Symbol, 2.5m) }).Single().Quantity, Is.EqualTo(2m));
        Assert.That(limits.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { new PortfolioTarget(security.Symbol, -1m) }).Single().Quantity, Is.EqualTo(2m),
            "the other side is not stricter: it trades through zero");
    }

    private static (TestableKillSwitch Model, Security Btc, Security Eth) Create(KillSwitchLimits limits)
    {
        var model = new TestableKillSwitch(limits);
        var btc = NewSecurity();
        var eth = NewSecurity(Symbol.Create("ETHUSDT", SecurityType.Crypto, Market.Binance));
        model.OnSecuritiesChanged(new QCAlgorithm(), Added(btc, eth));
        return (model, btc, eth);
    }

    private sealed class TestableKillSwitch : KillSwitchRiskManagementModel
    {
        public TestableKillSwitch(KillSwitchLimits limits) : base(limits)
        {
        }

        public decimal Equity { get; set; }

        public LogSink Logs { get; } = new();

        protected override decimal GetEquity(QCAlgorithm algorithm) => Equity;

        protected override DateTime GetTime(QCAlgorithm algorithm) => Day1;

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }

    private sealed class KillSwitchAlgorithm : QCAlgorithm, IKillSwitchAlgorithm
    {
        public KillSwitchRiskManagementModel KillSwitch { get; } = new(KillSwitchLimits.ManualOnly);
    }

    /// <summary>What LEAN's stock models (MaximumDrawdownPercentPerSecurity, TrailingStopRiskManagementModel...) emit when they act.</summary>
    private sealed class ZeroTargetModel : RiskManagementModel
    {
        private readonly Symbol _symbol;

        public ZeroTargetModel(Symbol symbol) => _symbol = symbol;

        public override System.Collections.Generic.IEnumerable<IPortfolioTarget> ManageRisk(QCAlgorithm algorithm, IPortfolioTarget[] targets) =>
            new[] { new PortfolioTarget(_symbol, 0m) };
    }

    private sealed class QuietInventoryLimit : InventoryLimitRiskManagementModel
    {
        public QuietInventoryLimit(InventoryLimits limits) : base(limits)
        {
        }

        protected override void Log(QCAlgorithm algorithm, string message)
        {
        }
    }
}
