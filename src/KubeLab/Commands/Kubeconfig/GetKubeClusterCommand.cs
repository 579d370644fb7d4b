using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>Get-KubeCluster: clusters of the merged kubeconfig; `Get-KubeContext x | Get-KubeCluster` gives x's cluster.</summary>
    [Cmdlet(VerbsCommon.Get, "KubeCluster", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(KubeCluster))]
    public sealed class GetKubeClusterCommand : GetKubeEntryCommandBase<KubeCluster>
    {
        private const string ByNameSet = "ByName";
        private const string FromContextSet = "FromContext";

        /// <summary>Cluster names; wildcards allowed.</summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(KubeClusterNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>
        /// The cluster a piped context uses. A context's own Name would win over an alias of -Name in
        /// pipeline binding, so the context's Cluster property binds here instead.
        /// </summary>
        [Parameter(ParameterSetName = FromContextSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Cluster")]
        [ArgumentCompleter(typeof(KubeClusterNameCompleter))]
        public string[]? ClusterName { get; set; }

        protected override string Kind => "cluster";

        protected override string[]? RequestedNames => ParameterSetName == FromContextSet ? ClusterName : Name;

        protected override IEnumerable<KubeCluster> Entries(KubeConfig config) => config.Clusters;

        protected override string NameOf(KubeCluster entry) => entry.Name;
    }
}
