using System.IO;
using System.Linq;
using KubeLab.Kubeconfig.Yaml;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// Turns winning YAML entries into the public objects. Relative file paths are resolved against the defining
    /// file's folder, as client-go does for clients (never in the files). Secret values are only tested for presence.
    /// </summary>
    internal static class EntryMapper
    {
        public static KubeConfig ToConfig(MergedView view, KubeConfigLocation location)
        {
            var current = view.CurrentContext;
            return new KubeConfig
            {
                Files = location.Precedence,
                CurrentContext = current,
                Contexts = view.Entries(EntryKind.Context).Select(e => ToContext(e, current)).ToArray(),
                Clusters = view.Entries(EntryKind.Cluster).Select(ToCluster).ToArray(),
                Users = view.Entries(EntryKind.User).Select(ToUser).ToArray(),
            };
        }

        public static KubeContext ToContext(KubeConfigEntry entry, string? currentContext) => new KubeContext
        {
            Name = entry.Name,
            Cluster = entry.Field("cluster") ?? "",
            User = entry.Field("user") ?? "",
            Namespace = NullIfEmpty(entry.Field("namespace")),
            IsCurrent = entry.Name == currentContext,
            SourceFile = entry.File.Path,
        };

        public static KubeCluster ToCluster(KubeConfigEntry entry) => new KubeCluster
        {
            Name = entry.Name,
            Server = entry.Field("server") ?? "",
            CertificateAuthority = ResolvePath(entry, NullIfEmpty(entry.Field("certificate-authority"))),
            HasCertificateAuthorityData = !string.IsNullOrEmpty(entry.Field("certificate-authority-data")),
            InsecureSkipTlsVerify = YamlScalars.IsTrue(entry.Node("insecure-skip-tls-verify")),
            TlsServerName = NullIfEmpty(entry.Field("tls-server-name")),
            ProxyUrl = NullIfEmpty(entry.Field("proxy-url")),
            SourceFile = entry.File.Path,
        };

        public static KubeUser ToUser(KubeConfigEntry entry)
        {
            var exec = entry.Node("exec")?.Resolved is Node map && map.IsMapping ? map : null;
            var command = exec != null ? NullIfEmpty(YamlScalars.Text(Maps.Get(exec, "command"))) : null;

            // client-go only resolves an exec command that names a path; a bare name is looked up on PATH.
            if (command != null && command.IndexOf(Path.DirectorySeparatorChar) >= 0)
            {
                command = ResolvePath(entry, command);
            }

            return new KubeUser
            {
                Name = entry.Name,
                AuthType = AuthTypeOf(entry, exec != null),
                ExecCommand = command,
                SourceFile = entry.File.Path,
            };
        }

        /// <summary>
        /// Plugins first (exec and auth-provider supply the credentials themselves), then client certificates (the API
        /// server tries x509 before tokens), then token, token file and basic auth.
        /// </summary>
        private static KubeAuthType AuthTypeOf(KubeConfigEntry entry, bool hasExec)
        {
            bool Set(string key) => !string.IsNullOrEmpty(entry.Field(key));

            return hasExec ? KubeAuthType.Exec
                : entry.Node("auth-provider")?.Resolved.IsMapping == true ? KubeAuthType.AuthProvider
                : Set("client-certificate") || Set("client-certificate-data") || Set("client-key") || Set("client-key-data") ? KubeAuthType.ClientCertificate
                : Set("token") ? KubeAuthType.Token
                : Set("tokenFile") ? KubeAuthType.TokenFile
                : Set("username") || Set("password") ? KubeAuthType.Basic
                : KubeAuthType.None;
        }

        private static string? ResolvePath(KubeConfigEntry entry, string? path) =>
            path == null || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(entry.File.Path) ?? ".", path));

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
