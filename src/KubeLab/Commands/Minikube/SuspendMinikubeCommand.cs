using System.Management.Automation;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Pauses a minikube cluster's containers (minikube pause): Kubernetes stops, the node keeps running.</summary>
    [Cmdlet(VerbsLifecycle.Suspend, "Minikube", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NamespaceSet)]
    [OutputType(typeof(MinikubeStatus))]
    public sealed class SuspendMinikubeCommand : PauseMinikubeCommandBase
    {
        protected override bool Pause => true;
    }
}
