using System.Management.Automation;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Resumes a paused minikube cluster (minikube unpause).</summary>
    [Cmdlet(VerbsLifecycle.Resume, "Minikube", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NamespaceSet)]
    [OutputType(typeof(MinikubeStatus))]
    public sealed class ResumeMinikubeCommand : PauseMinikubeCommandBase
    {
        protected override bool Pause => false;
    }
}
