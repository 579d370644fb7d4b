using System;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CliWrap;
using CliWrap.Buffered;

namespace KubeLab.Processes
{
    /// <summary>The real runner: CliWrap with an argument list, logging each command exactly as run.</summary>
    public sealed class CliWrapCommandRunner : ICommandRunner
    {
        /// <summary>ETXTBSY: 26 on Linux, the BSDs and macOS.</summary>
        private const int TextFileBusy = 26;

        /// <summary>How often a "text file busy" start is tried, and how long apart.</summary>
        private const int BusyAttempts = 20;

        private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(25);

        /// <summary>How long a cancelled command may take to report back before the wait is abandoned.</summary>
        private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(5);

        private readonly IOperationLog _log;

        public CliWrapCommandRunner(IOperationLog log)
        {
            _log = log;
        }

        public async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
        {
            _log.Verbose("Running: " + command.Display);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await StartAsync(command, cancellationToken).ConfigureAwait(false);
                }
                catch (ProgramNotFoundException ex) when (IsTextFileBusy(ex.InnerException) && attempt < BusyAttempts)
                {
                    // A binary written a moment ago (an install) can be "busy" when run: any process this one forks
                    // at that moment holds a copy of the writer's file descriptor until its exec. That lasts
                    // microseconds, so a short wait is enough.
                    await Task.Delay(BusyPause, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// The execution, bounded once <paramref name="cancellationToken"/> fires: CliWrap then kills the process,
        /// and should end at once. Its netstandard build was seen here never completing an execution whose process
        /// had exited and been cancelled (stuck in its polyfilled Task.WhenEach), which hung Get-KubeLabTool; a
        /// caller's timeout or Ctrl+C must always end the wait.
        /// </summary>
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

            var grace = Task.Delay(CancelGrace);
            if (await Task.WhenAny(execution, grace).ConfigureAwait(false) == execution)
            {
                return await execution.ConfigureAwait(false);
            }

            // Abandoned: observe its eventual failure so it is not reported as unobserved.
            _ = execution.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new OperationCanceledException("The command was cancelled and its process killed, but the runner did not report back.", cancellationToken);
        }

        /// <summary>CliWrap wraps the runtime's start error in one of its own, so the whole chain is searched.</summary>
        private static bool IsTextFileBusy(Exception? ex)
        {
            for (; ex != null; ex = ex.InnerException)
            {
                if (ex is Win32Exception win32 && win32.NativeErrorCode == TextFileBusy)
                {
                    return true;
                }
            }

            return false;
        }

        private static async Task<CommandResult> StartAsync(CommandSpec command, CancellationToken cancellationToken)
        {
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
                var result = await EndsOnceCancelled(cli.ExecuteBufferedAsync(cancellationToken).Task, cancellationToken).ConfigureAwait(false);
                return new CommandResult(result.ExitCode, result.StandardOutput, result.StandardError, result.RunTime);
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
    }
}
