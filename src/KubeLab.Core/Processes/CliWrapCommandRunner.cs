using System;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CliWrap;
using CliWrap.Buffered;

namespace KubeLab.Core.Processes
{
    /// <summary>The real runner: CliWrap with an argument list, logging each command exactly as run.</summary>
    public sealed class CliWrapCommandRunner : ICommandRunner
    {
        private readonly IOperationLog _log;

        public CliWrapCommandRunner(IOperationLog log)
        {
            _log = log;
        }

        public async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
        {
            _log.Verbose("Running: " + command.Display);
            var cli = Cli.Wrap(command.FileName)
                .WithArguments(command.Arguments)
                .WithValidation(CommandResultValidation.None);
            if (command.WorkingDirectory != null)
            {
                cli = cli.WithWorkingDirectory(command.WorkingDirectory);
            }

            if (command.Environment.Count > 0)
            {
                cli = cli.WithEnvironmentVariables(command.Environment.ToDictionary(kv => kv.Key, kv => kv.Value));
            }

            try
            {
                var result = await cli.ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
                return new CommandResult(result.ExitCode, result.StandardOutput, result.StandardError, result.RunTime);
            }
            catch (Win32Exception ex)
            {
                throw new CommandNotFoundException(command, ex);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is Win32Exception)
            {
                throw new CommandNotFoundException(command, ex.InnerException);
            }
        }
    }
}
