using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lean.MarketMaking.Algorithms.Examples;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Quoting.MultiAsset;
using Lean.MarketMaking.Tests.Support;
using NUnit.Framework;
using QuantConnect.Brokerages;

namespace Lean.MarketMaking.Tests.LeanLayer.Examples;

/// <summary>The engine-free parts of the example algorithms, and config.json against the parameters they read.</summary>
[TestFixture]
public class ExampleSupportTests
{
    [Test]
    public void FillStatisticsAverageTheSpreadCapturedPerUnitAndTrackTheInventoryRange()
    {
        var statistics = new FillStatistics();
        // buy 2 at 99.98 with mid 100: 0.02 captured per unit; sell 1 at 100.05 with mid 100.01: 0.04 per unit;
        // a buy through the mid loses: 1 at 100.03, mid 100.01 → −0.02
        Assert.That(statistics.Record(2m, 99.98m, 100m, 2m), Is.EqualTo(0.02m));
        Assert.That(statistics.Record(-1m, 100.05m, 100.01m, 1m), Is.EqualTo(0.04m));
        Assert.That(statistics.Record(1m, 100.03m, 100.01m, 2m), Is.EqualTo(-0.02m));
        Assert.That(statistics.Record(0m, 1m, 2m, 5m), Is.Zero, "zero fills are ignored");

        Assert.That(statistics.Fills, Is.EqualTo(3));
        Assert.That(statistics.AverageSpreadCaptured, Is.EqualTo((2 * 0.02m + 0.04m - 0.02m) / 4m));
        Assert.That((statistics.MinInventory, statistics.MaxInventory), Is.EqualTo((1m, 2m)));
    }

    [Test]
    public void FillStatisticsSplitFeesAndFillsIntoMakerAndTaker()
    {
        var statistics = new FillStatistics();
        statistics.RecordLiquidity(maker: true, fee: 0m);        // a partial fill: LEAN charges the whole order on its last fill
        statistics.RecordLiquidity(maker: true, fee: 6.6m);
        statistics.RecordLiquidity(maker: true, fee: -0.5m);     // a rebate
        statistics.RecordLiquidity(maker: false, fee: 8.8m);     // the flattening order
        Assert.That((statistics.MakerFills, statistics.TakerFills), Is.EqualTo((3, 1)));
        Assert.That((statistics.MakerFees, statistics.TakerFees), Is.EqualTo((6.1m, 8.8m)));
    }

    [Test]
    public void EachMarketTradesOnItsVenuesBrokerageModelAndOnlyQuotesAreMakerFills()
    {
        Assert.That(VenueProbe.Venue("coinbase"), Is.EqualTo(BrokerageName.Coinbase));
        Assert.That(VenueProbe.Venue("Binance"), Is.EqualTo(BrokerageName.Binance));
        Assert.That(VenueProbe.Venue("oanda"), Is.EqualTo(BrokerageName.OandaBrokerage));
        Assert.That(VenueProbe.Venue("usa"), Is.EqualTo(BrokerageName.InteractiveBrokersBrokerage));
        Assert.That(VenueProbe.Venue("kraken"), Is.EqualTo(BrokerageName.Default), "no venue model chosen here: LEAN's default");

        Assert.That(VenueProbe.Maker("mm bid") && VenueProbe.Maker("mm ask"), Is.True);
        Assert.That(VenueProbe.Maker("mm flatten") || VenueProbe.Maker(null) || VenueProbe.Maker("resting bid"), Is.False);
    }

    [Test]
    public void TheModelIsRebuiltOnlyWhenAnInputMovesPastTheThreshold()
    {
        var built = new List<double>();
        IQuotingModel Build(double[] inputs)
        {
            built.Add(inputs[0]);
            return new AvellanedaStoikovModel(new AvellanedaStoikovParameters(0.1, inputs[0], 1.5, 1));
        }

        var model = new RecalibratingQuotingModel(Build, new[] { 2.0 }, relativeThreshold: 0.1);
        Assert.That(model.Offer(stackalloc double[] { 2.19 }), Is.False, "9.5 % move: kept");
        Assert.That(model.Offer(stackalloc double[] { double.NaN }), Is.False, "estimator not ready: ignored");
        Assert.That(model.Offer(stackalloc double[] { 2.21 }), Is.True, "10.5 % move: rebuilt");
        Assert.That(model.Offer(stackalloc double[] { 2.4 }), Is.False, "measured from the rebuilt value 2.21: 8.6 %");
        Assert.That(model.Offer(stackalloc double[] { -1 }), Is.False, "the model rejects σ < 0: the old model stays");
        Assert.That(built, Is.EqualTo(new[] { 2.0, 2.21, -1.0 }), "builds attempted");
        Assert.That((model.Rebuilds, model.Inputs[0]), Is.EqualTo((1, 2.21)));

        // quotes come from the current model, and the last one is kept for plotting
        var snapshot = new MarketSnapshot(100, 0.5, 1);
        var quote = model.Quote(snapshot);
        Assert.That(quote, Is.EqualTo(new AvellanedaStoikovModel(new AvellanedaStoikovParameters(0.1, 2.21, 1.5, 1)).Quote(snapshot)));
        Assert.That(model.LastQuote, Is.EqualTo(quote));
    }

    [Test]
    public void TheMultiAssetModelIsRebuiltWhenAVolatilityOrTheCorrelationMovesPastTheThreshold()
    {
        // inputs σ₁, σ₂ (price per √s) and ρ, as GueantMultiAssetAlgorithm offers them
        var assets = 2;
        IMultiAssetQuotingModel Build(double[] x)
        {
            var c = x[2] * x[0] * x[1];
            var covariance = assets == 2 ? new[,] { { x[0] * x[0], c }, { c, x[1] * x[1] } } : new[,] { { x[0] * x[0] } };
            return new MultiAssetGlftModel(MultiAssetGlftParameters.WithCommonLiquidity(covariance, 0.03, 25, 100, 0.01, 23_400));
        }

        var model = new RecalibratingMultiAssetQuotingModel(Build, new[] { 0.005, 0.008, 0.5 }, relativeThreshold: 0.2);
        Assert.That(model.Offer(stackalloc double[] { 0.0055, 0.0088, 0.55 }), Is.False, "10 % moves: kept");
        Assert.That(model.Offer(stackalloc double[] { 0.005, 0.008, 0.65 }), Is.True, "ρ moved by 30 %: rebuilt");
        Assert.That(model.Offer(stackalloc double[] { 0.005, 0.008, 1.2 }), Is.False, "|ρ| > 1 is rejected by the model: the old one stays");
        assets = 1;
        Assert.That(model.Offer(stackalloc double[] { 0.01, 0.008, 0.65 }), Is.False, "a model of another size is rejected");
        Assert.That((model.Rebuilds, model.Inputs.ToArray()), Is.EqualTo((1, new[] { 0.005, 0.008, 0.65 })));

        // quotes come from the current model, and the last ones are kept for plotting
        assets = 2;
        var expected = new TwoSidedQuote[2];
        Build(new[] { 0.005, 0.008, 0.65 }).Quote(new[] { 168.0, 185.0 }, new[] { 300.0, -100.0 }, 600, expected);
        var quotes = new TwoSidedQuote[2];
        model.Quote(new[] { 168.0, 185.0 }, new[] { 300.0, -100.0 }, 600, quotes);
        Assert.That(quotes, Is.EqualTo(expected));
        Assert.That(model.LastQuotes.ToArray(), Is.EqualTo(expected));
        Assert.That(model.AssetCount, Is.EqualTo(2));
    }

    [Test]
    public void JumpInputsConvertLogReturnRatesToPriceRatesAtTheMid()
    {
        // three up jumps of log size 0.001, 0.002, 0.003 (mean 0.002, rate 500 per log unit) and one down jump of 0.004
        // over 1,000 s: λ = 4/1000 per s, p = 3/4; at a mid of 5,000 a log size of 0.002 is $10, so η⁺ = 1/10 per $
        var jumps = new[] { 0.001, 0.002, 0.003, -0.004 }.Select((r, i) => new DetectedJump(i, i, r, 0, 5)).ToArray();
        var inputs = JumpInputs.From(JumpSummary.From(jumps, 1000), 5000, fallbackRate: 0.5);
        Assert.That(inputs.Intensity, Is.EqualTo(0.004).Within(1e-15));
        Assert.That(inputs.ProbabilityUp, Is.EqualTo(0.75));
        Assert.That(inputs.UpRate, Is.EqualTo(0.1).Within(1e-12));
        Assert.That(inputs.DownRate, Is.EqualTo(1 / 20.0).Within(1e-12));

        var none = JumpInputs.From(JumpSummary.From(Array.Empty<DetectedJump>(), 1000), 5000, fallbackRate: 0.5);
        Assert.That(none, Is.EqualTo((0.0, 0.5, 0.5, 0.5)), "no jump: no intensity, even odds, fallback rates");
    }

    [Test]
    public void JumpInputsFromTheIndicatorAreCorrectedForTheJumpsBelowTheThreshold()
    {
        // One-minute log mids with sd 1e-4 and symmetric exponential jumps of mean 3e-4 (three sds, mostly below the
        // Lee–Mykland threshold of ≈ 5.8 sds for n = 1440) once per 40 minutes, over 60 days, around $100: η± ≈ 1/$0.03.
        const double sd = 1e-4, mean = 3e-4, perReturn = 1 / 40.0;
        const int returns = 60 * 1440;
        var rng = new Random(11);
        var sizes = new Lean.MarketMaking.Models.Stochastic.DoubleExponentialJumpSizes(0.5, 1 / mean, 1 / mean);
        var jumps = Enumerable.Range(0, returns).Select(_ => rng.NextDouble() < perReturn ? sizes.Sample(rng) : 0).ToArray();
        var ticks = Lean.MarketMaking.Tests.Estimation.SyntheticTicks.Generate(rng, returns, 60, sd * sd / 60, jumps: jumps);
        var indicator = new Lean.MarketMaking.Indicators.JumpIndicator("jumps", new LeeMyklandParameters(603, 0.01), 1440, jumpMemory: 1024);
        var start = new DateTime(2018, 4, 4);
        foreach (var tick in ticks)
        {
            indicator.Update(start.AddSeconds(tick.TimeSeconds), (decimal)tick.Price);
        }

        var mid = ticks[^1].Price;
        var corrected = JumpInputs.From(indicator.ThresholdCorrectedSummary!, mid, fallbackRate: 1);
        var detected = JumpInputs.From(indicator.Summary!, mid, fallbackRate: 1);
        var truthRate = 1 / (mean * mid);
        var detectedPerSide = indicator.ThresholdCorrectedSummary!.Up.Count;

        // SE of η̂ ≈ η/√N per side (plus a few % for the price wandering around $100 over the 60 days).
        var etaTolerance = truthRate * (4 / Math.Sqrt(detectedPerSide) + 0.05);
        Assert.That(corrected.UpRate, Is.EqualTo(truthRate).Within(etaTolerance));
        Assert.That(corrected.DownRate, Is.EqualTo(truthRate).Within(etaTolerance));
        Assert.That(detected.UpRate, Is.LessThan(0.5 * truthRate), "the detected sizes carry the threshold: η far too low");

        // λ_J: relative SE √((1 + (ηc)²)/N) with ηc ≈ 1.9 and N both sides' detected jumps.
        var lambda = perReturn / 60;
        var total = indicator.ThresholdCorrectedSummary!.Up.Count + indicator.ThresholdCorrectedSummary.Down.Count;
        Assert.That(corrected.Intensity, Is.EqualTo(lambda).Within(4 * lambda * Math.Sqrt((1 + 1.95 * 1.95) / total)));
        Assert.That(detected.Intensity, Is.LessThan(0.3 * lambda), "only the jumps above the threshold are counted");
    }

    [Test]
    public void DriftNeutralJumpInputsKeepTheJumpVarianceAndDropTheJumpDrift()
    {
        // (λ, p, η⁺, η⁻) = (0.004, 0.75, 0.1, 0.05): drift λ(p/η⁺ − (1−p)/η⁻) = 0.004·(7.5 − 5) = 0.01, variance
        // λ(2p/η⁺² + 2(1−p)/η⁻²) = 0.004·350 = 1.4; drift-neutral: p = ½, 1/η² = 75 + 100 = 175, η = 0.0755928946
        var neutral = JumpInputs.WithoutDrift((0.004, 0.75, 0.1, 0.05));
        Assert.That(neutral.Intensity, Is.EqualTo(0.004));
        Assert.That(neutral.ProbabilityUp, Is.EqualTo(0.5));
        Assert.That(neutral.UpRate, Is.EqualTo(1 / Math.Sqrt(175)).Within(1e-15));
        Assert.That(neutral.DownRate, Is.EqualTo(neutral.UpRate));
        var (drift, variance) = (0.5 / neutral.UpRate - 0.5 / neutral.DownRate, neutral.Intensity * (1 / (neutral.UpRate * neutral.UpRate) + 1 / (neutral.DownRate * neutral.DownRate)));
        Assert.That(drift, Is.Zero);
        Assert.That(variance, Is.EqualTo(1.4).Within(1e-12));
    }

    [Test]
    public void TheAvellanedaStoikovExampleSkewNoLongerSwingsWithTheTimeOfDay()
    {
        // config.json's EURUSD numbers. The old set-up: finite horizon T = 24 h reset at 17:00 New York, inventory carried
        // through: the skew γσ²(T − t) at the inventory limit one hour into the session is 23 times that one hour before
        // its end. The example's stationary model (discount ω) quotes the same at every time of day.
        var config = ConfigParameters();
        double Read(string key) => double.Parse(config[key], CultureInfo.InvariantCulture);
        var (gamma, sigma, k, size, limit) = (Read("as-risk-aversion"), Read("as-volatility"), Read("as-intensity-decay"), Read("as-order-size"), Read("as-max-inventory"));
        const double mid = 1.37, day = 86400;
        var old = new AvellanedaStoikovModel(new AvellanedaStoikovParameters(gamma, sigma, k, day, size));
        double Skew(IQuotingModel model, double time) => mid - model.Quote(new MarketSnapshot(mid, time, limit)).Reservation;
        Assert.That(Skew(old, 3600) / Skew(old, day - 3600), Is.GreaterThanOrEqualTo(10), "the daily horizon swings the skew");

        var stationary = new InfiniteHorizonAvellanedaStoikovModel(
            new InfiniteHorizonAvellanedaStoikovParameters(gamma, sigma, k, Read("as-discount-rate"), limit, size));
        var times = new[] { 0.0, 3600, 43200, day - 3600, 5 * day + 17 };
        Assert.That(times.Select(t => stationary.Quote(new MarketSnapshot(mid, t, limit - size))).Distinct().Count(), Is.EqualTo(1), "no time of day");

        // Sensible EURUSD numbers: a spread of 2–3 pips at q = 0 (the arrival half-spread ≈ 1/k = 1 pip per side plus
        // the inventory risk of one lot), a skew of 2–3 pips at the 50,000 EUR limit, between the old set-up's extremes.
        var flat = stationary.Quote(new MarketSnapshot(mid, 0, 0));
        Assert.That(flat.Ask - flat.Bid, Is.InRange(2e-4, 3e-4));
        var skew = Skew(stationary, 0);
        Assert.That(skew, Is.InRange(2e-4, 3e-4));
        Assert.That(skew, Is.InRange(Skew(old, day - 3600), Skew(old, 3600)));
    }

    [Test]
    public void TheCarteaJaimungalExampleQuotesItsLargeHorizonLimitAtEveryTimeOfDay()
    {
        // config.json's BTCUSD calm and volatile sets (φ, λ±), κ, α, lots. At the fixed time-to-go of 24 h the quotes are
        // the model's large-horizon limit (48 h gives the same to 1e-9 $) and do not depend on the time of day; the old
        // set-up (horizon 24 h reset at midnight) skewed a long inventory by less and less as midnight approached.
        var config = ConfigParameters();
        double Read(string key) => double.Parse(config[key], CultureInfo.InvariantCulture);
        var (kappa, lot, lots, alpha) = (Read("cj-fill-decay"), Read("cj-lot-size"), (int)Read("cj-max-lots"), Read("cj-terminal-penalty"));
        var hours = Read("cj-time-to-go-hours");
        foreach (var (phi, rate) in new[] { (Read("cj-calm-running-penalty"), Read("cj-calm-order-rate")), (Read("cj-volatile-running-penalty"), Read("cj-volatile-order-rate")) })
        {
            CarteaJaimungalModel Build(double horizonHours) =>
                new(new CarteaJaimungalParameters(phi, alpha, kappa, rate, rate, lots, lot, horizonHours * 3600));
            var model = new FixedTimeToGoQuotingModel(Build(hours));
            var longer = Build(2 * hours);
            for (var q = -lots; q <= lots; q += 5)
            {
                var quotes = new[] { 0.0, 3600, 43200, 86399, 5 * 86400.0 }.Select(t => model.Quote(new MarketSnapshot(7000, t, q * lot))).ToArray();
                Assert.That(quotes.Distinct().Count(), Is.EqualTo(1), $"no time of day at {q} lots");
                var limit = longer.Quote(new MarketSnapshot(7000, 0, q * lot));
                Assert.That(quotes[0].Bid, Is.EqualTo(limit.Bid).Within(1e-9), $"large-horizon limit (bid) at {q} lots");
                Assert.That(quotes[0].Ask, Is.EqualTo(limit.Ask).Within(1e-9), $"large-horizon limit (ask) at {q} lots");
            }

            var daily = Build(24);
            double Skew(double time) => 7000 - daily.Quote(new MarketSnapshot(7000, time, lots * lot / 2)).Reservation;
            Assert.That(Skew(3600), Is.GreaterThan(2 * Skew(86400 - 60)), "the daily horizon's skew fades before midnight");
        }
    }

    private static Dictionary<string, string> ConfigParameters()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleData.RepositoryRoot, "config.json")));
        return config.RootElement.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [Test]
    public void ConfigJsonListsEveryParameterTheExamplesReadWithTheCodeDefaults()
    {
        var root = SampleData.RepositoryRoot;
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "config.json")));
        Assert.That(config.RootElement.GetProperty("algorithm-language").GetString(), Is.EqualTo("CSharp"));
        var parameters = config.RootElement.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        var examples = Directory.GetFiles(Path.Combine(root, "Algorithms", "Examples"), "*Algorithm.cs")
            .Where(f => !f.EndsWith("MarketMakingExampleAlgorithm.cs", StringComparison.Ordinal)).ToList();
        Assert.That(examples, Is.Not.Empty);
        var shared = File.ReadAllText(Path.Combine(root, "Algorithms", "Examples", "MarketMakingExampleAlgorithm.cs"));
        var read = new Regex(@"\b(Get)?Parameter\(\s*(\$?""[^""]+"")\s*,\s*([^;]+?)\)\s*[,;)}]");
        var checkedCount = 0;
        foreach (var file in examples)
        {
            var source = File.ReadAllText(file);
            var prefix = Regex.Match(source, @"ParameterPrefix => ""([a-z]+)""").Groups[1].Value;
            var inherited = prefix.Length == 0;
            if (inherited)
            {
                // a subclass of another example (the SubscriptionOnlyAlgorithm and RestingQuotesAlgorithm baselines)
                // reads its own parameters under its base's prefix, and the shared ones through its base
                var baseClass = Regex.Match(source, @"class \w+ : (\w+Algorithm)").Groups[1].Value;
                var baseSource = File.ReadAllText(Path.Combine(root, "Algorithms", "Examples", baseClass + ".cs"));
                prefix = Regex.Match(baseSource, @"ParameterPrefix => ""([a-z]+)""").Groups[1].Value;
                Assert.That(prefix, Is.Not.Empty, $"{Path.GetFileName(file)}: its base {baseClass} declares no prefix");
            }

            // the alpha's parameters count only for the examples that install it, the insight signals' only for the
            // single-asset examples (the multi-asset model has no drift input)
            var reads = inherited ? string.Empty
                : source.Contains("OrderFlowAlpha()", StringComparison.Ordinal) ? shared
                : Regex.Replace(shared, @"OrderFlowAlpha\(\) => new\([^;]*;", string.Empty);
            if (source.Contains("RecalibratingMultiAssetQuotingModel", StringComparison.Ordinal))
            {
                reads = Regex.Replace(reads, @"SingleAssetSignals\(\) => new\([^;]*;", string.Empty);
            }

            foreach (Match m in read.Matches(source + reads))
            {
                var literal = m.Groups[2].Value;
                if (literal.StartsWith('$'))
                {
                    continue; // the Parameter helpers themselves
                }

                var name = literal.Trim('"');
                var key = m.Groups[1].Success ? name : $"{prefix}-{name}";
                Assert.That(parameters, Contains.Key(key), $"{Path.GetFileName(file)} reads '{key}'");
                var fallback = m.Groups[3].Value.Trim().TrimEnd('m').Trim('"');
                if (double.TryParse(fallback, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    Assert.That(double.Parse(parameters[key], CultureInfo.InvariantCulture), Is.EqualTo(number), $"default of '{key}'");
                }

                checkedCount++;
            }
        }

        Assert.That(checkedCount, Is.GreaterThan(20));
    }

    private sealed class VenueProbe : MarketMakingExampleAlgorithm
    {
        protected override string ParameterPrefix => "probe";

        public static BrokerageName Venue(string market) => VenueOf(market);

        public static bool Maker(string? tag) => IsQuoteTag(tag);
    }
}
