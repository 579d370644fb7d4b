using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Docker;

namespace KubeLab.Commands
{
    /// <summary>Takes users out of the docker group; the group itself stays.</summary>
    [Cmdlet(VerbsCommon.Remove, "DockerGroupUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DockerGroupMembership))]
    public sealed class RemoveDockerGroupUserCommand : DockerGroupUserCommandBase
    {
        /// <summary>The users to remove from the docker group.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DockerGroupUserCompleter))]
        public override string[]? UserName { get; set; }

        protected override IReadOnlyList<DockerStep> Plan(DockerGroup group, string userName) => group.PlanRemove(userName);
    }
}
