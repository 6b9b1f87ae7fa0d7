using System;
using System.Collections.Generic;
using QuantConnect.Data;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Python;

namespace QuantConnect.Algorithm.Framework.Alphas
{
    // LEAN: Algorithm/Alphas/AlphaModel.cs (LEAN also implements INamedModel, not mirrored)
    /// <summary>Provides a base class for alpha models.</summary>
    public class AlphaModel : BasePythonWrapper<AlphaModel>, IAlphaModel
    {
        public virtual string Name { get; set; }

        public AlphaModel()
        {
            Name = Guid.NewGuid().ToString();
        }

        public virtual IEnumerable<Insight> Update(QCAlgorithm algorithm, Slice data) => throw new NotImplementedException();

        public virtual void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
        {
        }
    }
}
