using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Stops a minikube cluster (or all of them); unless -KeepContext, minikube removes its context from the kubeconfig.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "Minikube", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ProfileSet)]
    [OutputType(typeof(MinikubeStatus))]
    public sealed class StopMinikubeCommand : AsyncPSCmdlet
    {
        private const string ProfileSet = "Profile";
        private const string AllSet = "All";

        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ProfileSet)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string? Profile { get; set; }

        /// <summary>Stop every profile.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Keep the profile's context in the kubeconfig (minikube's --keep-context-active).</summary>
        [Parameter]
        public SwitchParameter KeepContext { get; set; }

        /// <summary>Write the stopped profile's status afterwards.</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        public SwitchParameter PassThru { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var target = MinikubeTarget.ProfileOrAll(Profile, All);
            if (!pipeline.ShouldProcess(target, "Stop"))
            {
                return;
            }

            var minikube = pipeline.Services.Minikube();
            await minikube.StopAsync(Profile, All, KeepContext, new MinikubeProgressBar(pipeline.WriteProgress), cancellationToken).ConfigureAwait(false);
            if (PassThru)
            {
                pipeline.WriteObjects(await minikube.GetStatusAsync(Profile, cancellationToken).ConfigureAwait(false));
            }
        }
    }
}
