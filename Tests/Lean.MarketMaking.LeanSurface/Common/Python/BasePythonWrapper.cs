using System;

namespace QuantConnect.Python
{
    // LEAN: Common/Python/BasePythonWrapper.cs (Python members not mirrored)
    /// <summary>Base class for Python wrapper classes.</summary>
    public class BasePythonWrapper<TInterface> : IEquatable<BasePythonWrapper<TInterface>>, IDisposable
    {
        public BasePythonWrapper(bool validateInterface = true)
        {
        }

        public virtual bool Equals(BasePythonWrapper<TInterface> other) => ReferenceEquals(this, other);

        public override bool Equals(object obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => base.GetHashCode();

        public virtual void Dispose()
        {
        }
    }
}
