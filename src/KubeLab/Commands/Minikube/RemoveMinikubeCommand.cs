using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Deletes a minikube cluster (or all of them) with its kubeconfig entries; -Purge also removes the .minikube folder.</summary>
    [Cmdlet(VerbsCommon.Remove, "Minikube", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ProfileSet)]
    [OutputType(typeof(void))]
    public sealed class RemoveMinikubeCommand : AsyncPSCmdlet
    {
        private const string ProfileSet = "Profile";
        private const string AllSet = "All";

        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ProfileSet)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string? Profile { get; set; }

        /// <summary>Delete every profile.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Also remove minikube's folder (~/.minikube: caches, certificates); with several profiles minikube wants -All too.</summary>
        [Parameter]
        public SwitchParameter Purge { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var target = MinikubeTarget.ProfileOrAll(Profile, All);
            if (!pipeline.ShouldProcess(target, Purge ? "Delete, and purge ~/.minikube" : "Delete"))
            {
                return;
            }

            await pipeline.Services.Minikube().DeleteAsync(Profile, All, Purge, new MinikubeProgressBar(pipeline.WriteProgress), cancellationToken).ConfigureAwait(false);
        }
    }
}
