using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Host;
using KubeLab.Infrastructure;

namespace KubeLab.Commands
{
    /// <summary>Checks whether this machine can run the lab (OS, CPUs, memory, disk, kernel isolation, Docker, docker group) before anything is downloaded; changes nothing.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "KubeLabHost")]
    [OutputType(typeof(HostCheck), typeof(bool))]
    public sealed class TestKubeLabHostCommand : AsyncPSCmdlet
    {
        /// <summary>Return one boolean: true when every check that is not optional passed.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var checks = await pipeline.Services.HostInspector().RunAsync(cancellationToken).ConfigureAwait(false);
            if (Quiet)
            {
                pipeline.WriteObject(checks.All(c => c.Passed || c.Optional));
                return;
            }

            pipeline.WriteObjects(checks);
        }
    }
}
