using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Docker;
using KubeLab.Infrastructure;

namespace KubeLab.Commands
{
    /// <summary>Shows whether users are in the docker group, and whether that is in effect in this session yet.</summary>
    [Cmdlet(VerbsCommon.Get, "DockerGroupUser")]
    [OutputType(typeof(DockerGroupMembership))]
    public sealed class GetDockerGroupUserCommand : AsyncPSCmdlet
    {
        /// <summary>The users to show; default every member of the docker group and the invoking user.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DockerGroupUserCompleter))]
        public string[]? UserName { get; set; }

        protected override Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var group = pipeline.Services.DockerGroup();
            foreach (var name in UserName ?? group.DefaultUsers().ToArray())
            {
                try
                {
                    pipeline.WriteObject(group.Get(name));
                }
                catch (DockerException ex)
                {
                    pipeline.WriteError(ex, name);
                }
            }

            return Task.CompletedTask;
        }
    }
}
