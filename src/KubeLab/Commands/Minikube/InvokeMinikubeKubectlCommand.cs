using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Runs the kubectl that matches the cluster's version (minikube kubectl -- args); its output as lines, its exit code as an error.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MinikubeKubectl")]
    [OutputType(typeof(string))]
    public sealed class InvokeMinikubeKubectlCommand : AsyncPSCmdlet
    {
        /// <summary>kubectl's arguments, such as get pods -A (write them after --).</summary>
        [Parameter(Position = 0, ValueFromRemainingArguments = true)]
        public string[] ArgumentList { get; set; } = new string[0];

        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string? Profile { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var output = await pipeline.Services.Minikube().KubectlAsync(Profile, ArgumentList, cancellationToken).ConfigureAwait(false);
            pipeline.WriteObjects(output.Lines);
            if (output.Failure != null)
            {
                pipeline.WriteError(output.Failure, Profile ?? MinikubeClient.DefaultProfile);
            }
        }
    }
}
