namespace KubeLab.Kubeconfig
{
    /// <summary>A kubeconfig user (AuthInfo). Secret values are never copied into this object.</summary>
    public sealed class KubeUser
    {
        public string Name { get; set; } = "";

        public KubeAuthType AuthType { get; set; }

        /// <summary>The exec plugin's command (resolved like client-go when it contains a path separator).</summary>
        public string? ExecCommand { get; set; }

        public string SourceFile { get; set; } = "";

        public override string ToString() => Name;
    }
}
