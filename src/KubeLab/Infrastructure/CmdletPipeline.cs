using System;
using System.Management.Automation;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// The only way an async cmdlet body talks to PowerShell: writing, asking (ShouldProcess) and resolving
    /// paths. Every call is carried out on the pipeline thread, whichever thread the body is on.
    /// </summary>
    public sealed class CmdletPipeline
    {
        private readonly AsyncPSCmdlet _cmdlet;

        internal CmdletPipeline(AsyncPSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            Log = new CmdletOperationLog(WriteVerbose, WriteWarning);
            Services = new ServiceFactory(Log, ResolvePath);
        }

        /// <summary>Builds the Core services a cmdlet needs, with this pipeline's log.</summary>
        public ServiceFactory Services { get; }

        /// <summary>Core's log: verbose text to -Verbose, warnings to the warning stream.</summary>
        public IOperationLog Log { get; }

        public void WriteObject(object? value) => _cmdlet.OnPipeline(() => _cmdlet.BaseWriteObject(value, false));

        /// <summary>Writes each item of a collection as its own pipeline object.</summary>
        public void WriteObjects(System.Collections.IEnumerable values) => _cmdlet.OnPipeline(() => _cmdlet.BaseWriteObject(values, true));

        public void WriteVerbose(string text) => _cmdlet.OnPipeline(() => _cmdlet.BaseWriteVerbose(text));

        public void WriteWarning(string text) => _cmdlet.OnPipeline(() => _cmdlet.BaseWriteWarning(text));

        public void WriteDebug(string text) => _cmdlet.OnPipeline(() => _cmdlet.BaseWriteDebug(text));

        public void WriteInformation(object message, params string[] tags) => _cmdlet.OnPipeline(() => _cmdlet.BaseWriteInformation(message, tags));

        public void WriteProgress(ProgressRecord record) => _cmdlet.OnPipeline(() => _cmdlet.BaseWriteProgress(record));

        /// <summary>A failure of one item: reported, and the pipeline goes on.</summary>
        public void WriteError(ErrorRecord record) => _cmdlet.OnPipeline(() => _cmdlet.BaseWriteError(record));

        /// <summary>A failure of one item, mapped to its stable error id (see <c>ErrorMapping</c>).</summary>
        public void WriteError(Exception exception, object? target) => WriteError(ErrorMapping.ToErrorRecord(exception, target));

        /// <summary>Ends the cmdlet with this error; throws on every thread.</summary>
        public Exception Fail(ErrorRecord record) => throw new TerminatingErrorException(record);

        /// <summary>Ends the cmdlet with this failure, mapped to its stable error id; throws on every thread.</summary>
        public Exception Fail(Exception exception, object? target) => Fail(ErrorMapping.ToErrorRecord(exception, target));

        public bool ShouldProcess(string target, string action) => _cmdlet.OnPipeline(() => _cmdlet.BaseShouldProcess(target, action));

        /// <summary>
        /// A user-typed path made absolute against PowerShell's current location (not the process's working
        /// directory), with ~ expanded; session state is read on the pipeline thread, where it belongs.
        /// </summary>
        public string ResolvePath(string path) => _cmdlet.OnPipeline(() => _cmdlet.BaseResolvePath(path));
    }
}
