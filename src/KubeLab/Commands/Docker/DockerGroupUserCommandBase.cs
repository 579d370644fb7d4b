using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Docker;
using KubeLab.Infrastructure;
using KubeLab.Processes;

namespace KubeLab.Commands
{
    /// <summary>Shared by Add- and Remove-DockerGroupUser: one user at a time, a bad name is that name's error and the others go on.</summary>
    public abstract class DockerGroupUserCommandBase : AsyncPSCmdlet
    {
        /// <summary>The users; several names, or from the pipeline by property name (UserName, or Name).</summary>
        public abstract string[]? UserName { get; set; }

        protected abstract IReadOnlyList<DockerStep> Plan(DockerGroup group, string userName);

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var group = pipeline.Services.DockerGroup();
            foreach (var name in UserName ?? new[] { group.DefaultUser })
            {
                DockerGroupMembership? membership;
                try
                {
                    membership = await group.ApplyAsync(name, Plan(group, name), pipeline.ShouldProcess, cancellationToken).ConfigureAwait(false);
                }
                catch (ElevationRequiredException ex)
                {
                    throw pipeline.Fail(ex, name);
                }
                catch (DockerException ex)
                {
                    pipeline.WriteError(ex, name);
                    continue;
                }

                if (membership != null)
                {
                    if (membership.IsMember && membership.Advice != null)
                    {
                        pipeline.WriteWarning(membership.Advice);
                    }

                    pipeline.WriteObject(membership);
                }
            }
        }
    }
}
