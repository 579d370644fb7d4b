using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Tools;

namespace KubeLab.Commands
{
    /// <summary>Installs docker-compose, SHA-256 verified and atomically placed.</summary>
    [Cmdlet(VerbsLifecycle.Install, "DockerCompose", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KubeLabTool))]
    public sealed class InstallDockerComposeCommand : InstallToolCommandBase
    {
        protected override IEnumerable<string> ToolNames => new[] { "docker-compose" };
    }
}
