using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>The minikube profiles (clusters) with their status, driver, Kubernetes version and nodes; invalid ones are marked (Valid false).</summary>
    [Cmdlet(VerbsCommon.Get, "MinikubeProfile")]
    [OutputType(typeof(MinikubeProfile))]
    public sealed class GetMinikubeProfileCommand : AsyncPSCmdlet
    {
        /// <summary>Profiles to show (wildcards allowed); default all.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string[] Name { get; set; } = new string[0];

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var profiles = await pipeline.Services.Minikube().GetProfilesAsync(cancellationToken).ConfigureAwait(false);
            var patterns = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            pipeline.WriteObjects(profiles.Where(p => patterns.Count == 0 || patterns.Any(w => w.IsMatch(p.Name))).ToList());
        }
    }
}
