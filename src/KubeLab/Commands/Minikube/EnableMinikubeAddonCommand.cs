using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Enables minikube addons (minikube addons enable).</summary>
    [Cmdlet(VerbsLifecycle.Enable, "MinikubeAddon", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MinikubeAddon))]
    public sealed class EnableMinikubeAddonCommand : AsyncPSCmdlet
    {
        /// <summary>The addons, such as metrics-server or ingress.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Profile { get; set; }

        /// <summary>Write each addon afterwards, as minikube then lists it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var minikube = pipeline.Services.Minikube();
            foreach (var name in Name)
            {
                if (!pipeline.ShouldProcess($"addon '{name}' of minikube profile '{Profile ?? MinikubeClient.DefaultProfile}'", "Enable"))
                {
                    continue;
                }

                try
                {
                    var addon = await minikube.SetAddonAsync(name, Profile, true, cancellationToken).ConfigureAwait(false);
                    if (PassThru)
                    {
                        pipeline.WriteObject(addon);
                    }
                }
                catch (Exception ex) when (ErrorMapping.IsKnown(ex))
                {
                    // One addon that fails does not stop the others.
                    pipeline.WriteError(ex, name);
                }
            }
        }
    }
}
