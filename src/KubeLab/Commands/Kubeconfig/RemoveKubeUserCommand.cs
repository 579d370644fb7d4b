using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>Remove-KubeUser: deletes user entries from the file that defines them, like kubectl config delete-user.</summary>
    [Cmdlet(VerbsCommon.Remove, "KubeUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KubeUser))]
    public sealed class RemoveKubeUserCommand : RemoveKubeEntryCommandBase<KubeUser>
    {
        /// <summary>The users to remove (literal names; pipe from Get-KubeUser for wildcards).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubeUserNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        protected override string Kind => "user";

        protected override string[] Names => Name;

        protected override KubeUser Remove(KubeConfigStore store, string name) => store.RemoveUser(name);
    }
}
