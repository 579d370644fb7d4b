using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Releases
{
    /// <summary>How an upstream publishes the SHA-256 of an artifact.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ChecksumFormat
    {
        
        HexOnly,

        /// <summary>sha256sum/shasum lines: "&lt;hash&gt;  &lt;file&gt;" or "&lt;hash&gt; *&lt;file&gt;" (kustomize, compose).</summary>
        SumList,
    }
}
