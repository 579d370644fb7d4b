using System.Management.Automation;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Enables minikube addons (minikube addons enable).</summary>
    [Cmdlet(VerbsLifecycle.Enable, "MinikubeAddon", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MinikubeAddon))]
    public sealed class EnableMinikubeAddonCommand : SetMinikubeAddonCommandBase
    {
        protected override bool Enable => true;
    }
}
