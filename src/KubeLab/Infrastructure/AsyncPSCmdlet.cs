using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// A cmdlet whose body runs async. PowerShell accepts Write*, ShouldProcess and session-state calls only on
    /// the pipeline thread, so the body gets a <see cref="CmdletPipeline"/> that marshals every such call there,
    /// and the cmdlet's own versions of those members are hidden behind compile errors: a body cannot reach
    /// them by mistake from a pool thread. Ctrl+C (StopProcessing) cancels the token handed to the body.
    /// </summary>
    public abstract class AsyncPSCmdlet : PSCmdlet, IDisposable
    {
        private const string UsePipeline = "An async cmdlet body may run on a pool thread: use the CmdletPipeline it receives.";

        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private BlockingCollection<Action>? _pipelineQueue;
        private Thread? _pipelineThread;
        private CmdletPipeline? _pipeline;

        public void Dispose()
        {
            _cancellation.Dispose();
        }

        protected virtual Task BeginProcessingAsync(CmdletPipeline pipeline, CancellationToken cancellationToken) => Task.CompletedTask;

        protected virtual Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken) => Task.CompletedTask;

        protected virtual Task EndProcessingAsync(CmdletPipeline pipeline, CancellationToken cancellationToken) => Task.CompletedTask;

        protected sealed override void BeginProcessing() => RunOnPipeline(BeginProcessingAsync);

        protected sealed override void ProcessRecord() => RunOnPipeline(ProcessRecordAsync);

        protected sealed override void EndProcessing() => RunOnPipeline(EndProcessingAsync);

        protected sealed override void StopProcessing() => _cancellation.Cancel();

#pragma warning disable CS0809 // obsolete members hiding non-obsolete ones: that is the point
        [Obsolete(UsePipeline, true)]
        protected new void WriteObject(object? sendToPipeline) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void WriteObject(object? sendToPipeline, bool enumerateCollection) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void WriteError(ErrorRecord errorRecord) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void WriteVerbose(string text) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void WriteWarning(string text) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void WriteDebug(string text) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void WriteProgress(ProgressRecord progressRecord) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void WriteInformation(object messageData, string[] tags) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void WriteInformation(InformationRecord informationRecord) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void WriteCommandDetail(string text) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new bool ShouldProcess(string target) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new bool ShouldProcess(string target, string action) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new bool ShouldProcess(string verboseDescription, string verboseWarning, string caption) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new bool ShouldProcess(string verboseDescription, string verboseWarning, string caption, out ShouldProcessReason shouldProcessReason) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new bool ShouldContinue(string query, string caption) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new bool ShouldContinue(string query, string caption, ref bool yesToAll, ref bool noToAll) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new void ThrowTerminatingError(ErrorRecord errorRecord) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new SessionState SessionState => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new CommandInvocationIntrinsics InvokeCommand => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new ProviderIntrinsics InvokeProvider => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new PSHost Host => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new PSEventManager Events => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new PathInfo CurrentProviderLocation(string providerId) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new object GetVariableValue(string name) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new object GetVariableValue(string name, object defaultValue) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new string GetUnresolvedProviderPathFromPSPath(string path) => throw new NotSupportedException(UsePipeline);

        [Obsolete(UsePipeline, true)]
        protected new System.Collections.ObjectModel.Collection<string> GetResolvedProviderPathFromPSPath(string path, out ProviderInfo provider) =>
            throw new NotSupportedException(UsePipeline);
#pragma warning restore CS0809

        // What CmdletPipeline calls, always on the pipeline thread (through OnPipeline).
        internal void BaseWriteObject(object? value, bool enumerate) => base.WriteObject(value, enumerate);

        internal void BaseWriteError(ErrorRecord record) => base.WriteError(record);

        internal void BaseWriteVerbose(string text) => base.WriteVerbose(text);

        internal void BaseWriteWarning(string text) => base.WriteWarning(text);

        internal void BaseWriteDebug(string text) => base.WriteDebug(text);

        internal void BaseWriteInformation(object message, string[] tags) => base.WriteInformation(message, tags);

        internal void BaseWriteProgress(ProgressRecord record) => base.WriteProgress(record);

        internal bool BaseShouldProcess(string target, string action) => base.ShouldProcess(target, action);

        internal string BaseResolvePath(string path) => base.GetUnresolvedProviderPathFromPSPath(path);

        internal void OnPipeline(Action action) => OnPipeline(() =>
        {
            action();
            return true;
        });

        /// <summary>Runs on the pipeline thread: directly when already there, else queued for it and awaited.</summary>
        internal T OnPipeline<T>(Func<T> func)
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

        private void RunOnPipeline(Func<CmdletPipeline, CancellationToken, Task> body)
        {
            _pipeline ??= new CmdletPipeline(this);
            using var queue = new BlockingCollection<Action>();
            _pipelineQueue = queue;
            _pipelineThread = Thread.CurrentThread;
            try
            {
                // The body starts here, on the pipeline thread, and runs until its first await: no thread-pool
                // hand-off is needed to begin, and the calls it makes before that run directly.
                var work = StartBody(body, _pipeline);
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
            catch (Exception ex) when (ErrorMapping.IsKnown(ex))
            {
                // The one catch rule: a Core failure that escapes the body ends the cmdlet with its stable id.
                base.ThrowTerminatingError(ErrorMapping.ToErrorRecord(ex, null));
            }
            finally
            {
                _pipelineQueue = null;
                _pipelineThread = null;
            }
        }

        private Task StartBody(Func<CmdletPipeline, CancellationToken, Task> body, CmdletPipeline pipeline)
        {
            try
            {
                return body(pipeline, _cancellation.Token);
            }
            catch (Exception ex)
            {
                // A body that is not an async method throws instead of returning a faulted task: same handling.
                return Task.FromException(ex);
            }
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
    }
}
