using System;

namespace QuantConnect.Algorithm
{
    // LEAN: Algorithm/QCAlgorithm.Plotting.cs
    public partial class QCAlgorithm
    {
        public void Plot(string chart, string series, double value) => throw new NotImplementedException();

        public void Plot(string chart, string series, decimal value) => throw new NotImplementedException();

        public void SetRuntimeStatistic(string name, string value) => throw new NotImplementedException();

        public void SetRuntimeStatistic(string name, decimal value) => throw new NotImplementedException();

        public void SetRuntimeStatistic(string name, int value) => throw new NotImplementedException();

        public void SetRuntimeStatistic(string name, double value) => throw new NotImplementedException();
    }
}
