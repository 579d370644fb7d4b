using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Tools;

namespace KubeLab.Commands
{
    /// <summary>Installs the named tools in parallel, each with its own progress bar.</summary>
    [Cmdlet(VerbsLifecycle.Install, "KubeLabTool", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KubeLabTool))]
    public sealed class InstallKubeLabToolCommand : InstallToolCommandBase
    {
        /// <summary>kubectl, kustomize, minikube, docker-compose.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ToolNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        protected override IEnumerable<string> ToolNames => Name;
    }
}
