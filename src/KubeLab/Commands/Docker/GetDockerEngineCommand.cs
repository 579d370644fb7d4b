using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Docker;
using KubeLab.Infrastructure;

namespace KubeLab.Commands
{
    /// <summary>Shows Docker Engine on this machine: client and daemon versions, where it came from, and what the daemon reports through its Engine API.</summary>
    [Cmdlet(VerbsCommon.Get, "DockerEngine")]
    [OutputType(typeof(DockerEngine))]
    public sealed class GetDockerEngineCommand : AsyncPSCmdlet
    {
        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var engine = await pipeline.Services.DockerEngineProbe().GetAsync(cancellationToken).ConfigureAwait(false);
            pipeline.WriteObject(engine);
        }
    }
}
