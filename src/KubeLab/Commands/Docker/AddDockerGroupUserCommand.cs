using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Docker;

namespace KubeLab.Commands
{
    /// <summary>Puts users in the docker group (created when missing), so they run docker without sudo once they log in again.</summary>
    [Cmdlet(VerbsCommon.Add, "DockerGroupUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DockerGroupMembership))]
    public sealed class AddDockerGroupUserCommand : DockerGroupUserCommandBase
    {
        /// <summary>The users to add; default the invoking user (SUDO_USER under sudo, else the current user).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DockerGroupUserCompleter))]
        public override string[]? UserName { get; set; }

        protected override IReadOnlyList<DockerStep> Plan(DockerGroup group, string userName) => group.PlanAdd(userName);
    }
}
