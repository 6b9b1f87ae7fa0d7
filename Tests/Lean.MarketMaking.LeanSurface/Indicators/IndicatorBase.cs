using System;
using System.Collections.Generic;
using QuantConnect.Data;

namespace QuantConnect.Indicators
{
    // LEAN: Indicators/IndicatorBase.cs (LEAN also implements IIndicator and has Consolidators and Updated, not mirrored)
    /// <summary>
    /// Non-generic indicator base. The surface's bodies are ours and follow LEAN's documented behaviour: an update older than
    /// the previous input of the same symbol is ignored, every other update counts a sample and, when the computation
    /// succeeds, sets <see cref="WindowBase{T}.Current"/> to a new data point at the input's end time.
    /// </summary>
    public abstract partial class IndicatorBase : WindowBase<IndicatorDataPoint>
    {
        public override IndicatorDataPoint Previous => base.Previous ?? new IndicatorDataPoint(DateTime.MinValue, 0);

        public string Name { get; protected set; }

        public long Samples { get; internal set; }

        public abstract bool IsReady { get; }

        public abstract void Reset();

        protected IndicatorBase()
        {
            Current = new IndicatorDataPoint(DateTime.MinValue, 0m);
        }

        protected IndicatorBase(string name)
            : this()
        {
            Name = name;
        }

        public abstract bool Update(IBaseData input);
    }

    // LEAN: Indicators/IndicatorBase.cs
    /// <summary>Base type of indicators taking inputs of type <typeparamref name="T"/>.</summary>
    public abstract class IndicatorBase<T> : IndicatorBase
        where T : IBaseData
    {
        private readonly Dictionary<Symbol, T> _previousInput = new Dictionary<Symbol, T>();

        protected IndicatorBase(string name)
            : base(name)
        { }

        public override bool Update(IBaseData input)
        {
            var key = input.Symbol ?? NoSymbol;
            if (_previousInput.TryGetValue(key, out var previous))
            {
                if (input.EndTime < previous.EndTime)
                {
                    return IsReady;
                }

                if (ReferenceEquals(input, previous))
                {
                    return IsReady;
                }
            }

            Samples++;
            if (input is not T)
            {
                if (typeof(T) != typeof(IndicatorDataPoint))
                {
                    throw new ArgumentException($"expected an input of type {typeof(T)}, got {input.GetType()}");
                }

                input = new IndicatorDataPoint(input.Symbol, input.EndTime, input.Value);
            }

            _previousInput[key] = (T)input;
            var result = ValidateAndComputeNextValue((T)input);
            if (result.Status == IndicatorStatus.Success)
            {
                Current = new IndicatorDataPoint(input.Symbol, input.EndTime, result.Value);
            }

            return IsReady;
        }

        public bool Update(DateTime time, decimal value)
        {
            if (typeof(T) != typeof(IndicatorDataPoint))
            {
                throw new NotSupportedException($"{GetType().Name} does not take (time, value) updates");
            }

            return Update((T)(object)new IndicatorDataPoint(time, value));
        }

        public override void Reset()
        {
            Samples = 0;
            _previousInput.Clear();
            ResetWindow();
            Current = new IndicatorDataPoint(DateTime.MinValue, default(decimal));
        }

        protected abstract decimal ComputeNextValue(T input);

        protected virtual IndicatorResult ValidateAndComputeNextValue(T input)
        {
            return new IndicatorResult(ComputeNextValue(input));
        }

        private static readonly Symbol NoSymbol = Symbol.Create("NONE", SecurityType.Base, "none");
    }
}
