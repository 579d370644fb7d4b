using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Resumes a paused minikube cluster (minikube unpause).</summary>
    [Cmdlet(VerbsLifecycle.Resume, "Minikube", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NamespaceSet)]
    [OutputType(typeof(MinikubeStatus))]
    public sealed class ResumeMinikubeCommand : AsyncPSCmdlet
    {
        private const string NamespaceSet = "Namespace";
        private const string AllSet = "AllNamespaces";

        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string? Profile { get; set; }

        /// <summary>Namespaces whose containers are affected; default minikube's (kube-system, kubernetes-dashboard, istio-operator).</summary>
        [Parameter(ParameterSetName = NamespaceSet)]
        [ValidateNotNullOrEmpty]
        public string[] Namespace { get; set; } = new string[0];

        /// <summary>Every namespace.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter AllNamespaces { get; set; }

        /// <summary>Write the profile's status afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            if (!pipeline.ShouldProcess($"minikube profile '{Profile ?? MinikubeClient.DefaultProfile}'", "Resume"))
            {
                return;
            }

            var minikube = pipeline.Services.Minikube();
            await minikube.UnpauseAsync(Profile, Namespace, AllNamespaces, new MinikubeProgressBar(pipeline.WriteProgress), cancellationToken).ConfigureAwait(false);
            if (PassThru)
            {
                pipeline.WriteObjects(await minikube.GetStatusAsync(Profile, cancellationToken).ConfigureAwait(false));
            }
        }
    }
}
