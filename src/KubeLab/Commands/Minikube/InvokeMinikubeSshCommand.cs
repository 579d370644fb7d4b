using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Runs a command on a minikube node (minikube ssh) and returns its output as lines; with no command, opens an interactive shell.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MinikubeSsh")]
    [OutputType(typeof(string))]
    public sealed class InvokeMinikubeSshCommand : AsyncPSCmdlet
    {
        /// <summary>The program and its arguments, run exactly as given (each one quoted for the node's shell); for a shell line use sh, -c, 'a | b'.</summary>
        [Parameter(Position = 0, ValueFromRemainingArguments = true)]
        [ArgumentCompleter(typeof(NoValueCompleter))]
        public string[] Command { get; set; } = new string[0];

        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string? Profile { get; set; }

        /// <summary>The node, such as minikube-m02; default the control plane.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NoValueCompleter))]
        public string? Node { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var minikube = pipeline.Services.Minikube();
            if (Command.Length == 0)
            {
                var exitCode = await minikube.SshInteractiveAsync(Profile, Node, cancellationToken).ConfigureAwait(false);
                if (exitCode != 0)
                {
                    pipeline.WriteError(new MinikubeException(MinikubeErrorKind.CommandExitCode, $"minikube ssh ended with exit code {exitCode}.", exitCode), Profile);
                }

                return;
            }

            var output = await minikube.SshAsync(Profile, Node, Command, cancellationToken).ConfigureAwait(false);
            pipeline.WriteObjects(output.Lines);
            if (output.Failure != null)
            {
                pipeline.WriteError(output.Failure, Profile ?? MinikubeClient.DefaultProfile);
            }
        }
    }
}
