using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Infrastructure;
using KubeLab.Lab;

namespace KubeLab.Commands
{
    /// <summary>The lab's state as one object: host checks, Docker, docker group, tools (with -Online, what is out of date), minikube profiles and the current context.</summary>
    [Cmdlet(VerbsCommon.Get, "KubeLab")]
    [OutputType(typeof(LabState))]
    public sealed class GetKubeLabCommand : AsyncPSCmdlet
    {
        /// <summary>Also ask each tool's latest release (a server is asked) and say which are outdated.</summary>
        [Parameter]
        public SwitchParameter Online { get; set; }

        /// <summary>http(s) base URI or folder with the upstream layout, for -Online; default $env:KUBELAB_MIRROR.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Mirror { get; set; }

        /// <summary>The tools' folder; default /usr/local/bin as root, else ~/.local/bin.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            using var downloader = Online ? pipeline.Services.Downloader(Mirror) : null;
            var state = await pipeline.Services.LabInspector(downloader, Destination).GetAsync(Online.IsPresent, cancellationToken).ConfigureAwait(false);
            pipeline.WriteObject(state);
        }
    }
}
