using System;

namespace QuantConnect.Util
{
    // LEAN: Common/Util/Composer.cs
    /// <summary>Provides methods for obtaining exported MEF instances (only what the plugin calls; behaviour throws).</summary>
    public class Composer
    {
        public static Composer Instance => throw new NotImplementedException();

        public T GetExportedValueByTypeName<T>(string typeName, bool forceTypeNameOnExisting = true)
            where T : class
            => throw new NotImplementedException();
    }
}
