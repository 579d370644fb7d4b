using System;
using System.ComponentModel;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CliWrap;

namespace KubeLab.Processes
{
    /// <summary>
    /// CliWrap with an argument list, like <see cref="CliWrapCommandRunner"/> (which it uses for buffered runs),
    /// but standard output also reaches the caller line by line while the process runs.
    /// </summary>
    public sealed class CliWrapStreamingCommandRunner : IStreamingCommandRunner
    {
        /// <summary>How long a cancelled command may take to report back before the wait is abandoned.</summary>
        private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(5);

        private readonly IOperationLog _log;
        private readonly ICommandRunner _buffered;

        public CliWrapStreamingCommandRunner(IOperationLog log)
        {
            _log = log;
            _buffered = new CliWrapCommandRunner(log);
        }

        public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken) => _buffered.RunAsync(command, cancellationToken);

        public async Task<CommandResult> RunAsync(CommandSpec command, Action<string> onOutputLine, CancellationToken cancellationToken)
        {
            _log.Verbose("Running: " + command.Display);
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            var cli = Cli.Wrap(command.FileName)
                .WithArguments(command.Arguments)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
                {
                    lock (stdout)
                    {
                        stdout.Append(line).Append('\n');
                    }

                    onOutputLine(line);
                }))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));
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
                var execution = cli.ExecuteAsync(cancellationToken).Task;
                var result = await EndsOnceCancelled(execution, cancellationToken).ConfigureAwait(false);
                lock (stdout)
                {
                    return new CommandResult(result.ExitCode, stdout.ToString(), stderr.ToString(), result.RunTime);
                }
            }
            catch (Win32Exception ex)
            {
                throw new ProgramNotFoundException(command, ex);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is Win32Exception)
            {
                throw new ProgramNotFoundException(command, ex.InnerException);
            }
        }

        /// <summary>The same guard as the buffered runner: a cancelled execution that never reports back must not hang the caller.</summary>
        private static async Task<T> EndsOnceCancelled<T>(Task<T> execution, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(execution, cancelled.Task).ConfigureAwait(false) == execution)
                {
                    return await execution.ConfigureAwait(false);
                }
            }

            if (await Task.WhenAny(execution, Task.Delay(CancelGrace)).ConfigureAwait(false) == execution)
            {
                return await execution.ConfigureAwait(false);
            }

            _ = execution.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new OperationCanceledException("The command was cancelled and its process killed, but the runner did not report back.", cancellationToken);
        }
    }
}
