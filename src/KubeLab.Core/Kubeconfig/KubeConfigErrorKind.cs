using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Kubeconfig
{
    /// <summary>Why a kubeconfig operation failed; the cmdlets map it to an ErrorCategory.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum KubeConfigErrorKind
    {
        /// <summary>Malformed YAML, wrong shape, duplicate names: the file is named, with its line.</summary>
        InvalidFile,

        /// <summary>An explicit file, context, cluster or user that does not exist.</summary>
        NotFound,

        /// <summary>A rename onto an existing name.</summary>
        AlreadyExists,

        /// <summary>Another writer holds &lt;file&gt;.lock.</summary>
        Locked,

        /// <summary>Reading or writing a file failed (permissions, disk).</summary>
        Io,
    }
}
