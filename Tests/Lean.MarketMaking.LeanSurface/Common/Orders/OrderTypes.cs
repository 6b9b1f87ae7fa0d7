namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/OrderTypes.cs
    /// <summary>Type of the order: market, limit or stop.</summary>
    public enum OrderType
    {
        Market,
        Limit,
        StopMarket,
        StopLimit,
        MarketOnOpen,
        MarketOnClose,
        OptionExercise,
        LimitIfTouched,
        ComboMarket,
        ComboLimit,
        ComboLegLimit,
        TrailingStop
    }

    // LEAN: Common/Orders/OrderTypes.cs
    /// <summary>Direction of the order.</summary>
    public enum OrderDirection
    {
        Buy,
        Sell,
        Hold
    }

    // LEAN: Common/Orders/OrderTypes.cs
    /// <summary>Fill status of the order class.</summary>
    public enum OrderStatus
    {
        New = 0,
        Submitted = 1,
        PartiallyFilled = 2,
        Filled = 3,
        Canceled = 5,
        None = 6,
        Invalid = 7,
        CancelPending = 8,
        UpdateSubmitted = 9
    }
}
