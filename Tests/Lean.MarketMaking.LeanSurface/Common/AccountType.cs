namespace QuantConnect
{
    // LEAN: Common/Global.cs
    /// <summary>Account type: margin or cash.</summary>
    public enum AccountType
    {
        Margin,

        Cash
    }
}
