using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Tools;

namespace KubeLab.Commands
{
    /// <summary>Shows each tool in a destination folder with the version it reports; -Online adds upstream's latest.</summary>
    [Cmdlet(VerbsCommon.Get, "KubeLabTool")]
    [OutputType(typeof(KubeLabTool))]
    public sealed class GetKubeLabToolCommand : AsyncPSCmdlet
    {
        /// <summary>Tools to show; default all.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ToolNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Folder to look in; default /usr/local/bin as root, else ~/.local/bin.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>Also resolve each tool's latest stable release (through the mirror, if any).</summary>
        [Parameter]
        public SwitchParameter Online { get; set; }

        /// <summary>http(s) base URI or folder for -Online; default $env:KUBELAB_MIRROR.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Mirror { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            using var downloader = pipeline.Services.Downloader(Mirror);
            var inventory = pipeline.Services.ToolInventory(downloader);
            var tools = await inventory.GetAsync(Name, pipeline.Services.ToolDestinationFor(Destination), Online.IsPresent, cancellationToken).ConfigureAwait(false);
            pipeline.WriteObjects(tools);
        }
    }
}
