namespace KubeLab.Kubeconfig
{
    /// <summary>A kubeconfig context as the merged view sees it, with the file that defines it.</summary>
    public sealed class KubeContext
    {
        public string Name { get; set; } = "";

        public string Cluster { get; set; } = "";

        public string User { get; set; } = "";

        public string? Namespace { get; set; }

        public bool IsCurrent { get; set; }

        public string SourceFile { get; set; } = "";

        public override string ToString() => Name;
    }
}
