using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>Remove-KubeCluster: deletes cluster entries from the file that defines them, like kubectl config delete-cluster.</summary>
    [Cmdlet(VerbsCommon.Remove, "KubeCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KubeCluster))]
    public sealed class RemoveKubeClusterCommand : RemoveKubeEntryCommandBase<KubeCluster>
    {
        /// <summary>The clusters to remove (literal names; pipe from Get-KubeCluster for wildcards).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubeClusterNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        protected override string Kind => "cluster";

        protected override string[] Names => Name;

        protected override KubeCluster Remove(KubeConfigStore store, string name) => store.RemoveCluster(name);
    }
}
