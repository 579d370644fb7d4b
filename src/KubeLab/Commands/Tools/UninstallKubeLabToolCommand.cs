using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Tools;

namespace KubeLab.Commands
{
    /// <summary>Removes tools that KubeLab installed (recorded with their SHA-256 when placed); any other binary is left alone.</summary>
    [Cmdlet(VerbsLifecycle.Uninstall, "KubeLabTool", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(KubeLabTool))]
    public sealed class UninstallKubeLabToolCommand : AsyncPSCmdlet
    {
        /// <summary>kubectl, kustomize, minikube, docker-compose.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ToolNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Folder the tools are in; default /usr/local/bin as root, else ~/.local/bin.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>Write each removed tool (Installed now false, with the version and hash it had) to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var uninstaller = pipeline.Services.ToolUninstaller();
            var destination = pipeline.Services.ToolDestinationFor(Destination);
            foreach (var name in Name)
            {
                try
                {
                    var removed = await uninstaller.UninstallAsync(name, destination, pipeline.ShouldProcess, cancellationToken).ConfigureAwait(false);
                    if (removed != null && PassThru)
                    {
                        pipeline.WriteObject(removed);
                    }
                }
                catch (Exception ex) when (ErrorMapping.IsKnown(ex))
                {
                    // One tool that cannot be removed does not stop the others.
                    pipeline.WriteError(ex, name);
                }
            }
        }
    }
}
