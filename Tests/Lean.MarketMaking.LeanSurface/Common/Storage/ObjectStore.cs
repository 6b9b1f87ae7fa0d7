using System.Collections.Generic;

namespace QuantConnect.Storage
{
    // LEAN: Common/Storage/ObjectStore.cs (LEAN wraps an IObjectStore, not mirrored: this one keeps the bytes in memory for tests)
    /// <summary>Helper class for easier access to IObjectStore methods.</summary>
    public class ObjectStore
    {
        private readonly Dictionary<string, byte[]> _objects = new();

        internal ObjectStore()
        {
        }

        /// <summary>Test hook: the stored objects by key.</summary>
        internal Dictionary<string, byte[]> ObjectsForTests => _objects;

        /// <summary>Test hook: the next save fails (returns false) when set.</summary>
        internal bool FailSavesForTests { get; set; }

        public bool ContainsKey(string path)
        {
            return _objects.ContainsKey(path);
        }

        public byte[] ReadBytes(string path)
        {
            return _objects.TryGetValue(path, out var bytes) ? (byte[])bytes.Clone() : throw new KeyNotFoundException(path);
        }

        public bool SaveBytes(string path, byte[] contents)
        {
            if (FailSavesForTests)
            {
                return false;
            }

            _objects[path] = (byte[])contents.Clone();
            return true;
        }
    }
}
