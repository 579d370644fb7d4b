using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>minikube's addons for a profile and whether each is enabled.</summary>
    [Cmdlet(VerbsCommon.Get, "MinikubeAddon")]
    [OutputType(typeof(MinikubeAddon))]
    public sealed class GetMinikubeAddonCommand : AsyncPSCmdlet
    {
        /// <summary>Addons to show (wildcards allowed); default all.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeAddonCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string? Profile { get; set; }

        /// <summary>Only the enabled addons.</summary>
        [Parameter]
        public SwitchParameter Enabled { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var addons = await pipeline.Services.Minikube().GetAddonsAsync(Profile, cancellationToken).ConfigureAwait(false);
            var patterns = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            pipeline.WriteObjects(addons.Where(a => (patterns.Count == 0 || patterns.Any(w => w.IsMatch(a.Name))) && (!Enabled || a.Enabled)).ToList());
        }
    }
}
