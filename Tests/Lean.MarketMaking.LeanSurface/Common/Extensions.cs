using System;
using NodaTime;

namespace QuantConnect
{
    // LEAN: Common/Extensions.cs (only the members the plugin uses)
    /// <summary>Extensions function collections.</summary>
    public static class Extensions
    {
        public static DateTime ConvertFromUtc(this DateTime time, DateTimeZone to, bool strict = false) =>
            throw new NotImplementedException();

        public static DateTime ConvertToUtc(this DateTime time, DateTimeZone from, bool strict = false) =>
            throw new NotImplementedException();
    }
}
