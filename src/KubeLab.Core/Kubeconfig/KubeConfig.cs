using System.Collections.Generic;

namespace KubeLab.Kubeconfig
{
    /// <summary>The merged view of every kubeconfig file in the loading precedence.</summary>
    public sealed class KubeConfig
    {
        /// <summary>The files in loading precedence order (missing chain files included, as kubectl lists them).</summary>
        public IReadOnlyList<string> Files { get; set; } = new string[0];

        public string? CurrentContext { get; set; }

        public IReadOnlyList<KubeContext> Contexts { get; set; } = new KubeContext[0];

        public IReadOnlyList<KubeCluster> Clusters { get; set; } = new KubeCluster[0];

        public IReadOnlyList<KubeUser> Users { get; set; } = new KubeUser[0];
    }
}
