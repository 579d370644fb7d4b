using System.Management.Automation;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Disables minikube addons (minikube addons disable).</summary>
    [Cmdlet(VerbsLifecycle.Disable, "MinikubeAddon", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MinikubeAddon))]
    public sealed class DisableMinikubeAddonCommand : SetMinikubeAddonCommandBase
    {
        protected override bool Enable => false;
    }
}
