using System;

namespace QuantConnect.Configuration
{
    // LEAN: Configuration/Config.cs
    /// <summary>Configuration class loads the required external setup variables to launch the Lean engine (QuantConnect.Configuration.dll; reads throw here).</summary>
    public static class Config
    {
        public static string Get(string key, string defaultValue = "") => throw new NotImplementedException();

        public static int GetInt(string key, int defaultValue = 0) => throw new NotImplementedException();

        public static double GetDouble(string key, double defaultValue = 0.0) => throw new NotImplementedException();
    }
}
