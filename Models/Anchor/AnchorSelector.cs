using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// Anchor (reference-contract) selection across related contracts, after Nittur Anantha, Jain, Goyal &amp; Misra (2025),
/// arXiv:2507.05749 (v1 "High Frequency Quoting Under Liquidity Constraints", v2 "Event-Time Anchor Selection for
/// Multi-Contract Quoting"): at the start of each fixed decision window, from information before it only, the Hawkes
/// rule picks the contract with the lowest forecast arrival ratio (<see cref="HawkesLegForecaster"/>) and the CLF rule
/// the one with the lowest EMA-smoothed Composite Liquidity Factor (<see cref="CompositeLiquidityFactor"/>); a rolling
/// vote with hysteresis (<see cref="RollingAnchorVote"/>) turns each rule's picks into its anchor. Feed book updates and
/// trades in time order, and call <see cref="Decide"/> at each window boundary before the updates at or after it.
/// The paper's section and equation numbers could not be read here (only its abstracts and the summary were
/// recoverable); what is derived rather than recovered says so where it is defined.
/// </summary>
public class AnchorSelector
{
    private readonly BookEventClassifier _classifier;
    private readonly HawkesLegForecaster[] _legs;
    private readonly TopOfBook[] _books;
    private readonly bool[] _hasBook;
    private readonly double[] _ratios;
    private readonly double[] _clfEma;
    private readonly double[] _clf;
    private readonly RollingAnchorVote _hawkesVote;
    private readonly RollingAnchorVote _clfVote;
    private double _lastDecision = double.NegativeInfinity;

    /// <summary>Creates the selector.</summary>
    /// <param name="contracts">Number of contracts, ≥ 2.</param>
    /// <param name="settings">Windows and tuning.</param>
    /// <param name="forecasterFactory">Creates each contract's count forecaster; default <see cref="ClosedFormEventCountForecaster"/>.</param>
    /// <param name="classifier">Event classification; default <see cref="BookEventClassifier"/>.</param>
    public AnchorSelector(int contracts, AnchorSettings settings, Func<IEventCountForecaster>? forecasterFactory = null, BookEventClassifier? classifier = null)
    {
        UniqueMinimum.Contracts(contracts, nameof(contracts));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _classifier = classifier ?? new BookEventClassifier();
        forecasterFactory ??= () => new ClosedFormEventCountForecaster();
        _legs = new HawkesLegForecaster[contracts];
        for (var k = 0; k < contracts; k++)
        {
            _legs[k] = new HawkesLegForecaster(settings, forecasterFactory());
        }

        _books = new TopOfBook[contracts];
        _hasBook = new bool[contracts];
        _ratios = new double[contracts];
        _clfEma = new double[contracts];
        _clf = new double[contracts];
        Array.Fill(_clfEma, double.NaN);
        _hawkesVote = new RollingAnchorVote(contracts, settings.VoteWindows, settings.VoteHysteresis);
        _clfVote = new RollingAnchorVote(contracts, settings.VoteWindows, settings.VoteHysteresis);
    }

    /// <summary>The settings.</summary>
    public AnchorSettings Settings { get; }

    /// <summary>Number of contracts.</summary>
    public int Contracts => _legs.Length;

    /// <summary>Contract <paramref name="contract"/>'s Hawkes forecaster (fit, refit counts).</summary>
    /// <param name="contract">Contract index.</param>
    public HawkesLegForecaster Leg(int contract) => _legs[contract];

    /// <summary>Forecast arrival ratio of <paramref name="contract"/> at the last decision (NaN before a fit).</summary>
    /// <param name="contract">Contract index.</param>
    public double ArrivalRatio(int contract) => _ratios[contract];

    /// <summary>Smoothed CLF of <paramref name="contract"/> at the last decision (+∞ for a book without depth, NaN before a book).</summary>
    /// <param name="contract">Contract index.</param>
    public double LiquidityFactor(int contract) => _clf[contract];

    /// <summary>
    /// A new top of book of <paramref name="contract"/>: classified against the previous one into events for its
    /// Hawkes history. An invalid book (crossed, non-positive) is ignored. Allocation-free (but for rare ring growth).
    /// </summary>
    /// <param name="contract">Contract index.</param>
    /// <param name="timeSeconds">Time, seconds.</param>
    /// <param name="book">The new best bid and ask.</param>
    public void OnQuote(int contract, double timeSeconds, in TopOfBook book)
    {
        if (!book.IsValid)
        {
            return;
        }

        if (_hasBook[contract])
        {
            Span<BookEventKind> events = stackalloc BookEventKind[BookEventClassifier.MaxEventsPerUpdate];
            var n = _classifier.Classify(_books[contract], book, events);
            for (var i = 0; i < n; i++)
            {
                _legs[contract].OnEvent(_classifier.Node(events[i]), timeSeconds);
            }
        }

        _books[contract] = book;
        _hasBook[contract] = true;
    }

    /// <summary>A trade of <paramref name="contract"/>: one reference-impacting event on the side it took.</summary>
    /// <param name="contract">Contract index.</param>
    /// <param name="timeSeconds">Time, seconds.</param>
    /// <param name="buyerInitiated">True when the aggressor bought.</param>
    public void OnTrade(int contract, double timeSeconds, bool buyerInitiated) =>
        _legs[contract].OnEvent(_classifier.Node(BookEventClassifier.Trade(buyerInitiated)), timeSeconds);

    /// <summary>Applies one update (a book or a trade).</summary>
    /// <param name="update">The update.</param>
    public void OnUpdate(in ContractUpdate update)
    {
        if ((uint)update.Contract >= (uint)Contracts)
        {
            throw Guard.Invalid(nameof(update), $"contract must be in [0, {Contracts - 1}], got {update.Contract}");
        }

        if (update.IsTrade)
        {
            OnTrade(update.Contract, update.TimeSeconds, update.BuyerInitiated);
        }
        else
        {
            OnQuote(update.Contract, update.TimeSeconds, update.Book);
        }
    }

    /// <summary>
    /// The decision for the window starting at <paramref name="windowStartSeconds"/> from the updates before it: each
    /// contract's arrival ratio (refitting when due) and smoothed CLF, each rule's pick, and the votes.
    /// </summary>
    /// <param name="windowStartSeconds">Window start, seconds, after the previous decision's.</param>
    /// <exception cref="MarketMakingException">InvalidParameters when the window does not start after the previous one.</exception>
    public AnchorDecision Decide(double windowStartSeconds)
    {
        if (!(windowStartSeconds > _lastDecision))
        {
            throw Guard.Invalid(nameof(windowStartSeconds), $"must be after the previous decision at {_lastDecision}, got {windowStartSeconds}");
        }

        _lastDecision = windowStartSeconds;
        for (var k = 0; k < _legs.Length; k++)
        {
            _ratios[k] = _legs[k].ArrivalRatio(windowStartSeconds);
            var raw = _hasBook[k] ? LiquidityScore(k, _books[k]) : double.NaN;
            if (double.IsFinite(raw))
            {
                _clfEma[k] = double.IsNaN(_clfEma[k]) ? raw : _clfEma[k] + (Settings.ClfSmoothing * (raw - _clfEma[k]));
                _clf[k] = _clfEma[k];
            }
            else
            {
                // A book without depth (+∞) is not preferred this window and does not poison the average; no book: no score.
                _clf[k] = raw;
            }
        }

        var hawkesPick = UniqueMinimum.IndexOf(_ratios);
        var clfPick = UniqueMinimum.IndexOf(_clf);
        return new AnchorDecision(windowStartSeconds, hawkesPick, clfPick, _hawkesVote.Add(hawkesPick), _clfVote.Add(clfPick));
    }

    /// <summary>The liquidity score of a contract's book; the one-level CLF by default (override for deeper books).</summary>
    /// <param name="contract">Contract index.</param>
    /// <param name="book">Its current top of book.</param>
    protected virtual double LiquidityScore(int contract, in TopOfBook book) => CompositeLiquidityFactor.OneLevel(book);
}
