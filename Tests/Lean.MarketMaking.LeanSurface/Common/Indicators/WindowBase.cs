namespace QuantConnect.Indicators
{
    // LEAN: Common/Indicators/WindowBase.cs (LEAN also implements IEnumerable<T> over a RollingWindow, not mirrored)
    /// <summary>The current and previous values of an indicator. Holds values (the surface keeps only these two).</summary>
    public abstract class WindowBase<T>
    {
        private T _current;
        private T _previous;
        private int _count;

        protected WindowBase()
        {
        }

        public virtual T Current
        {
            get
            {
                return _current;
            }
            protected set
            {
                _previous = _current;
                _current = value;
                _count++;
            }
        }

        public virtual T Previous => _count > 1 ? _previous : default;

        protected void ResetWindow()
        {
            _current = default;
            _previous = default;
            _count = 0;
        }
    }
}
