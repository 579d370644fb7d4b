using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>The status of a minikube cluster, one object per node, with minikube's exit-code bitmask decoded.</summary>
    [Cmdlet(VerbsCommon.Get, "MinikubeStatus")]
    [OutputType(typeof(MinikubeStatus))]
    public sealed class GetMinikubeStatusCommand : AsyncPSCmdlet
    {
        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string[] Profile { get; set; } = new[] { MinikubeClient.DefaultProfile };

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var minikube = pipeline.Services.Minikube();
            foreach (var profile in Profile)
            {
                try
                {
                    pipeline.WriteObjects(await minikube.GetStatusAsync(profile, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (ErrorMapping.IsKnown(ex))
                {
                    // A missing profile (exit 85) is one item's failure, not the end of the pipeline.
                    pipeline.WriteError(ex, profile);
                }
            }
        }
    }
}
