using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Tools;

namespace KubeLab.Commands
{
    /// <summary>
    /// Brings installed tools to upstream's latest (or -Version); takes Get-KubeLabTool output by property name
    /// (Name, Destination). A tool that is not installed there is an error: use Install-KubeLabTool.
    /// </summary>
    [Cmdlet(VerbsData.Update, "KubeLabTool", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KubeLabTool))]
    public sealed class UpdateKubeLabToolCommand : InstallToolCommandBase
    {
        /// <summary>kubectl, kustomize, minikube, docker-compose.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ToolNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        protected override IEnumerable<string> ToolNames => Name;

        protected override bool RequireInstalled => true;
    }
}
