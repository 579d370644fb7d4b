using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Tools;

namespace KubeLab.Commands
{
    /// <summary>Installs minikube, SHA-256 verified and atomically placed.</summary>
    [Cmdlet(VerbsLifecycle.Install, "Minikube", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KubeLabTool))]
    public sealed class InstallMinikubeCommand : InstallToolCommandBase
    {
        protected override IEnumerable<string> ToolNames => new[] { "minikube" };
    }
}
