using System.Collections.Generic;
using QuantConnect.Data;

namespace QuantConnect.Algorithm.Framework.Alphas
{
    // LEAN: Algorithm/Alphas/IAlphaModel.cs
    /// <summary>Algorithm framework model that produces insights.</summary>
    public interface IAlphaModel : INotifiedSecurityChanges
    {
        IEnumerable<Insight> Update(QCAlgorithm algorithm, Slice data);
    }
}
