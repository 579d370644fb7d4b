using System;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Processes
{
    /// <summary>
    /// A runner that also hands each line of standard output to the caller as it is written, for commands that
    /// report progress as they go (minikube start -o json prints one event per line).
    /// </summary>
    public interface IStreamingCommandRunner : ICommandRunner
    {
        /// <summary>Runs the command; <paramref name="onOutputLine"/> sees each stdout line as it arrives (on any thread).</summary>
        /// <exception cref="ProgramNotFoundException">The program does not exist or cannot be started.</exception>
        Task<CommandResult> RunAsync(CommandSpec command, Action<string> onOutputLine, CancellationToken cancellationToken);
    }
}
