using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Tools;

namespace KubeLab.Commands
{
    /// <summary>Installs kustomize, SHA-256 verified and atomically placed.</summary>
    [Cmdlet(VerbsLifecycle.Install, "Kustomize", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KubeLabTool))]
    public sealed class InstallKustomizeCommand : InstallToolCommandBase
    {
        protected override IEnumerable<string> ToolNames => new[] { "kustomize" };
    }
}
