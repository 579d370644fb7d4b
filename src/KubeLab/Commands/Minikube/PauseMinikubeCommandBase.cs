using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>The shared body of Suspend-Minikube (pause) and Resume-Minikube (unpause).</summary>
    public abstract class PauseMinikubeCommandBase : AsyncPSCmdlet
    {
        protected const string NamespaceSet = "Namespace";
        private const string AllSet = "AllNamespaces";

        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string? Profile { get; set; }

        /// <summary>Namespaces whose containers are affected; default minikube's (kube-system, kubernetes-dashboard, istio-operator).</summary>
        [Parameter(ParameterSetName = NamespaceSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubeNamespaceCompleter))]
        public string[] Namespace { get; set; } = new string[0];

        /// <summary>Every namespace.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter AllNamespaces { get; set; }

        /// <summary>Write the profile's status afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True for Suspend-Minikube (pause), false for Resume-Minikube (unpause).</summary>
        protected abstract bool Pause { get; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            if (!pipeline.ShouldProcess(MinikubeTarget.Profile(Profile), Pause ? "Pause" : "Resume"))
            {
                return;
            }

            var minikube = pipeline.Services.Minikube();
            var progress = new MinikubeProgressBar(pipeline.WriteProgress);
            await (Pause
                ? minikube.PauseAsync(Profile, Namespace, AllNamespaces, progress, cancellationToken)
                : minikube.UnpauseAsync(Profile, Namespace, AllNamespaces, progress, cancellationToken)).ConfigureAwait(false);
            if (PassThru)
            {
                pipeline.WriteObjects(await minikube.GetStatusAsync(Profile, cancellationToken).ConfigureAwait(false));
            }
        }
    }
}
