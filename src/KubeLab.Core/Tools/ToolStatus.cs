using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Tools
{
    /// <summary>What an install did.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ToolStatus
    {
        /// <summary>Placed where there was none, or reinstalled the same version with -Force.</summary>
        Installed,

        /// <summary>The requested version was already there; nothing was downloaded.</summary>
        AlreadyInstalled,

        /// <summary>Replaced another version.</summary>
        Updated,
    }
}
