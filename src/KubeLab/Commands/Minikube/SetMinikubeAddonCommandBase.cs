using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>The shared body of Enable-MinikubeAddon and Disable-MinikubeAddon: confirm, switch, report per addon.</summary>
    public abstract class SetMinikubeAddonCommandBase : AsyncPSCmdlet
    {
        /// <summary>The addons, such as metrics-server or ingress.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeAddonCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string? Profile { get; set; }

        /// <summary>Write each addon afterwards, as minikube then lists it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True for Enable-MinikubeAddon.</summary>
        protected abstract bool Enable { get; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var minikube = pipeline.Services.Minikube();
            foreach (var name in Name)
            {
                if (!pipeline.ShouldProcess($"addon '{name}' of {MinikubeTarget.Profile(Profile)}", Enable ? "Enable" : "Disable"))
                {
                    continue;
                }

                try
                {
                    var addon = await minikube.SetAddonAsync(name, Profile, Enable, cancellationToken).ConfigureAwait(false);
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
