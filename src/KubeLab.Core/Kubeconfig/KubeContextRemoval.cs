using System.Collections.Generic;

namespace KubeLab.Kubeconfig
{
    /// <summary>What Remove-KubeContext took out: the context, and with -RemoveUnused its orphaned cluster and user.</summary>
    public sealed class KubeContextRemoval
    {
        public KubeContextRemoval(KubeContext context, IReadOnlyList<KubeCluster> clusters, IReadOnlyList<KubeUser> users)
        {
            Context = context;
            Clusters = clusters;
            Users = users;
        }

        public KubeContext Context { get; }

        public IReadOnlyList<KubeCluster> Clusters { get; }

        public IReadOnlyList<KubeUser> Users { get; }
    }
}
