namespace KubeLab.Kubeconfig
{
    /// <summary>A kubeconfig cluster. Certificate data is never exposed, only whether it is present.</summary>
    public sealed class KubeCluster
    {
        public string Name { get; set; } = "";

        public string Server { get; set; } = "";

        /// <summary>The CA file, resolved against the defining file's folder as client-go does.</summary>
        public string? CertificateAuthority { get; set; }

        public bool HasCertificateAuthorityData { get; set; }

        public bool InsecureSkipTlsVerify { get; set; }

        public string? TlsServerName { get; set; }

        public string? ProxyUrl { get; set; }

        public string SourceFile { get; set; } = "";

        public override string ToString() => Name;
    }
}
