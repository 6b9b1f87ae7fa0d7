using System.Collections.Generic;

namespace QuantConnect
{
    // LEAN: Common/ExtendedDictionary.cs (LEAN also implements IExtendedDictionary<TKey, TValue> and Python helpers, not mirrored)
    /// <summary>Provides a base class for types holding instances keyed by a key.</summary>
    public abstract class ExtendedDictionary<TKey, TValue>
    {
        public abstract int Count { get; }

        public virtual void Clear() => throw new System.NotImplementedException();

        public abstract bool TryGetValue(TKey key, out TValue value);

        public virtual bool ContainsKey(TKey key) => TryGetValue(key, out _);

        public abstract IEnumerable<KeyValuePair<TKey, TValue>> GetItems();

        protected abstract IEnumerable<TKey> GetKeys { get; }

        protected abstract IEnumerable<TValue> GetValues { get; }

        public virtual bool IsReadOnly => true;

        public virtual bool Remove(TKey key) => throw new System.NotImplementedException();

        public abstract TValue this[TKey key] { get; set; }
    }
}
