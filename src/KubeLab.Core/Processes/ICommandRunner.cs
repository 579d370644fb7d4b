using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Processes
{
    /// <summary>Runs external programs. A non-zero exit code is a result, not an exception: callers decide.</summary>
    public interface ICommandRunner
    {
        /// <exception cref="ProgramNotFoundException">The program does not exist or cannot be started.</exception>
        Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken);
    }
}
