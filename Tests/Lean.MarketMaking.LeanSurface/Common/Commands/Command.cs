using System.Dynamic;
using QuantConnect.Interfaces;

namespace QuantConnect.Commands
{
    // LEAN: Common/Commands/Command.cs
    /// <summary>Base generic dynamic command class.</summary>
    public class Command : DynamicObject
    {
        public virtual bool? Run(IAlgorithm algorithm) => throw new System.NotImplementedException();
    }
}
