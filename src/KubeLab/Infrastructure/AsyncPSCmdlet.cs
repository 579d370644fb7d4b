using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// A cmdlet whose body runs async. PowerShell only accepts Write*/ShouldProcess calls on the pipeline
    /// thread: the body starts there, and once it continues on pool threads its calls are queued and run there
    /// while the pipeline thread waits for it; Ctrl+C (StopProcessing) cancels <see cref="CancelToken"/>, which
    /// is passed on to processes and HTTP.
    /// </summary>
    public abstract class AsyncPSCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private BlockingCollection<Action>? _pipelineQueue;
        private Thread? _pipelineThread;

        protected CancellationToken CancelToken => _cancellation.Token;

        public void Dispose()
        {
            _cancellation.Dispose();
        }

        protected virtual Task BeginProcessingAsync() => Task.CompletedTask;

        protected virtual Task ProcessRecordAsync() => Task.CompletedTask;

        protected virtual Task EndProcessingAsync() => Task.CompletedTask;

        protected sealed override void BeginProcessing() => RunOnPipeline(BeginProcessingAsync);

        protected sealed override void ProcessRecord() => RunOnPipeline(ProcessRecordAsync);

        protected sealed override void EndProcessing() => RunOnPipeline(EndProcessingAsync);

        protected override void StopProcessing() => _cancellation.Cancel();

        protected new void WriteObject(object? sendToPipeline) => OnPipeline(() => base.WriteObject(sendToPipeline));

        protected new void WriteObject(object? sendToPipeline, bool enumerateCollection) =>
            OnPipeline(() => base.WriteObject(sendToPipeline, enumerateCollection));

        protected new void WriteVerbose(string text) => OnPipeline(() => base.WriteVerbose(text));

        protected new void WriteWarning(string text) => OnPipeline(() => base.WriteWarning(text));

        protected new void WriteDebug(string text) => OnPipeline(() => base.WriteDebug(text));

        protected new void WriteProgress(ProgressRecord progressRecord) => OnPipeline(() => base.WriteProgress(progressRecord));

        protected new void WriteError(ErrorRecord errorRecord) => OnPipeline(() => base.WriteError(errorRecord));

        protected new bool ShouldProcess(string target, string action) => OnPipeline(() => base.ShouldProcess(target, action));

        protected new bool ShouldContinue(string query, string caption) => OnPipeline(() => base.ShouldContinue(query, caption));

        /// <summary>
        /// A user-typed path made absolute against PowerShell's current location (not the process's working
        /// directory), with ~ expanded; session state is read on the pipeline thread, where it belongs.
        /// </summary>
        protected string ResolvePath(string path) => OnPipeline(() => GetUnresolvedProviderPathFromPSPath(path));

        /// <summary>Ends the cmdlet with this error; call from the async body, it throws on every thread.</summary>
        protected new void ThrowTerminatingError(ErrorRecord errorRecord) => throw new TerminatingErrorException(errorRecord);

        private void RunOnPipeline(Func<Task> body)
        {
            using var queue = new BlockingCollection<Action>();
            _pipelineQueue = queue;
            _pipelineThread = Thread.CurrentThread;
            try
            {
                // The body starts here, on the pipeline thread, and runs until its first await: no thread-pool
                // hand-off is needed to begin, and Write* calls it makes before that run directly.
                var work = StartBody(body);
                work.ContinueWith(_ => queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (!queue.IsCompleted)
                {
                    if (queue.TryTake(out var action, ThreadPoolNudge.Interval))
                    {
                        action();
                    }
                    else
                    {
                        ThreadPoolNudge.Nudge();
                    }
                }

                work.GetAwaiter().GetResult();
            }
            catch (TerminatingErrorException ex)
            {
                base.ThrowTerminatingError(ex.ErrorRecord);
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                _pipelineQueue = null;
                _pipelineThread = null;
            }
        }

        private static Task StartBody(Func<Task> body)
        {
            try
            {
                return body();
            }
            catch (Exception ex)
            {
                // A body that is not an async method throws instead of returning a faulted task: same handling.
                return Task.FromException(ex);
            }
        }

        private void OnPipeline(Action action) => OnPipeline(() =>
        {
            action();
            return true;
        });

        private T OnPipeline<T>(Func<T> func)
        {
            var queue = _pipelineQueue;
            if (queue == null || Thread.CurrentThread == _pipelineThread)
            {
                return StopWorkOnFailure(func);
            }

            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Add(() =>
            {
                try
                {
                    done.SetResult(StopWorkOnFailure(func));
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            });
            return done.Task.GetAwaiter().GetResult();
        }

        private T StopWorkOnFailure<T>(Func<T> func)
        {
            try
            {
                return func();
            }
            catch (Exception)
            {
                // e.g. PipelineStoppedException from a downstream Select-Object -First: stop our work too.
                _cancellation.Cancel();
                throw;
            }
        }

        private sealed class TerminatingErrorException : Exception
        {
            public TerminatingErrorException(ErrorRecord errorRecord)
                : base(errorRecord.Exception?.Message)
            {
                ErrorRecord = errorRecord;
            }

            public ErrorRecord ErrorRecord { get; }
        }
    }
}
