using System.Collections;
using System.Collections.Generic;
using QuantConnect;

namespace Common.Util
{
    // LEAN: Common/Util/BaseExtendedDictionary.cs (LEAN's namespace really is Common.Util)
    /// <summary>Provides a base class for types holding key value pairs with helper methods.</summary>
    public class BaseExtendedDictionary<TKey, TValue, TDictionary> : ExtendedDictionary<TKey, TValue>, IDictionary<TKey, TValue>
        where TDictionary : IDictionary<TKey, TValue>, new()
    {
        protected TDictionary Dictionary { get; }

        public BaseExtendedDictionary()
        {
            Dictionary = new TDictionary();
        }

        public override int Count => Dictionary.Count;

        public override bool IsReadOnly => Dictionary.IsReadOnly;

        public override bool TryGetValue(TKey key, out TValue value) => Dictionary.TryGetValue(key, out value);

        public override IEnumerable<KeyValuePair<TKey, TValue>> GetItems() => Dictionary;

        protected override IEnumerable<TKey> GetKeys => Dictionary.Keys;

        protected override IEnumerable<TValue> GetValues => Dictionary.Values;

        public virtual ICollection<TKey> Keys => Dictionary.Keys;

        public virtual ICollection<TValue> Values => Dictionary.Values;

        public override TValue this[TKey key]
        {
            get => Dictionary[key];
            set => Dictionary[key] = value;
        }

        public override void Clear() => Dictionary.Clear();

        public override bool Remove(TKey key) => Dictionary.Remove(key);

        public virtual void Add(TKey key, TValue value) => Dictionary.Add(key, value);

        public virtual void Add(KeyValuePair<TKey, TValue> item) => Dictionary.Add(item);

        public override bool ContainsKey(TKey key) => Dictionary.ContainsKey(key);

        public virtual bool Contains(KeyValuePair<TKey, TValue> item) => Dictionary.Contains(item);

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => Dictionary.CopyTo(array, arrayIndex);

        public virtual bool Remove(KeyValuePair<TKey, TValue> item) => Dictionary.Remove(item);

        public virtual IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => Dictionary.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // LEAN: Common/Util/BaseExtendedDictionary.cs
    /// <summary>A <see cref="BaseExtendedDictionary{TKey, TValue, TDictionary}"/> over <see cref="Dictionary{TKey, TValue}"/>.</summary>
    public class BaseExtendedDictionary<TKey, TValue> : BaseExtendedDictionary<TKey, TValue, Dictionary<TKey, TValue>>
    {
        public BaseExtendedDictionary() : base()
        {
        }
    }
}
