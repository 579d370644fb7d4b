using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Tools;

namespace KubeLab.Commands
{
    /// <summary>Installs kubectl, SHA-256 verified and atomically placed.</summary>
    [Cmdlet(VerbsLifecycle.Install, "Kubectl", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KubeLabTool))]
    public sealed class InstallKubectlCommand : InstallToolCommandBase
    {
        protected override IEnumerable<string> ToolNames => new[] { "kubectl" };
    }
}
