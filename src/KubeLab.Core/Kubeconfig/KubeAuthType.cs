using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Kubeconfig
{
    /// <summary>How a kubeconfig user authenticates, judged from which fields are set.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum KubeAuthType
    {
        None,
        ClientCertificate,
        Token,
        TokenFile,
        Basic,
        Exec,
        AuthProvider,
    }
}
