namespace Lean.MarketMaking.Models.Anchor;

/// <summary>One input of the anchor selection: a new top of book or a trade of one contract, at a time in seconds.</summary>
/// <param name="TimeSeconds">Time of the update, seconds (any origin, non-decreasing across all contracts).</param>
/// <param name="Contract">Contract index, 0 … contracts−1.</param>
/// <param name="IsTrade">True for a trade, false for a book update.</param>
/// <param name="BuyerInitiated">For a trade: true when the aggressor bought. Ignored for a book update.</param>
/// <param name="Book">For a book update: the new best bid and ask. Ignored for a trade.</param>
public readonly record struct ContractUpdate(double TimeSeconds, int Contract, bool IsTrade, bool BuyerInitiated, TopOfBook Book)
{
    /// <summary>A book update.</summary>
    /// <param name="timeSeconds">Time, seconds.</param>
    /// <param name="contract">Contract index.</param>
    /// <param name="book">The new best bid and ask.</param>
    public static ContractUpdate Quote(double timeSeconds, int contract, in TopOfBook book) => new(timeSeconds, contract, false, false, book);

    /// <summary>A trade.</summary>
    /// <param name="timeSeconds">Time, seconds.</param>
    /// <param name="contract">Contract index.</param>
    /// <param name="buyerInitiated">True when the aggressor bought.</param>
    public static ContractUpdate Trade(double timeSeconds, int contract, bool buyerInitiated) => new(timeSeconds, contract, true, buyerInitiated, default);
}
