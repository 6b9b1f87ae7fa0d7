using System.Collections.Generic;
using System.Linq;
using QuantConnect.Securities;

namespace QuantConnect.Data.UniverseSelection
{
    // LEAN: Common/Data/UniverseSelection/SecurityChanges.cs
    /// <summary>Defines the additions and subtractions to the algorithm's security subscriptions.</summary>
    public class SecurityChanges
    {
        public static readonly SecurityChanges None = new(new Security[0], new Security[0], new Security[0], new Security[0]);

        private readonly List<Security> _added;
        private readonly List<Security> _removed;

        private SecurityChanges(IEnumerable<Security> additions, IEnumerable<Security> removals,
            IEnumerable<Security> internalAdditions, IEnumerable<Security> internalRemovals)
        {
            _added = additions.Concat(internalAdditions).Distinct().ToList();
            _removed = removals.Concat(internalRemovals).Distinct().ToList();
        }

        public int Count => _added.Count + _removed.Count;

        public IReadOnlyList<Security> AddedSecurities => _added;

        public IReadOnlyList<Security> RemovedSecurities => _removed;

        public static SecurityChanges Create(IReadOnlyCollection<Security> additions, IReadOnlyCollection<Security> removals,
            IReadOnlyCollection<Security> internalAdditions, IReadOnlyCollection<Security> internalRemovals)
            => new SecurityChanges(additions ?? new Security[0], removals ?? new Security[0],
                internalAdditions ?? new Security[0], internalRemovals ?? new Security[0]);
    }
}
