using System;
using QuantConnect.Securities;

namespace QuantConnect.Orders.Fills
{
    // LEAN: Common/Orders/Fills/FillModel.cs (only the members the plugin overrides or calls)
    /// <summary>Provides a base class for all fill models.</summary>
    public class FillModel : IFillModel
    {
        protected FillModelParameters Parameters { get; set; }

        /// <remarks>LEAN: sets <see cref="Parameters"/> and dispatches on the order type (Limit → <see cref="LimitFill"/>).</remarks>
        public virtual Fill Fill(FillModelParameters parameters) => throw new NotImplementedException();

        public virtual OrderEvent LimitFill(Security asset, LimitOrder order) => throw new NotImplementedException();

        protected virtual bool IsExchangeOpen(Security asset, bool isExtendedMarketHours) => throw new NotImplementedException();
    }
}
