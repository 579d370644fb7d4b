using System;
using System.Management.Automation;

namespace KubeLab.Infrastructure
{
    /// <summary>Carries a terminating ErrorRecord from the async body (any thread) to the pipeline thread.</summary>
    internal sealed class TerminatingErrorException : Exception
    {
        public TerminatingErrorException(ErrorRecord errorRecord)
            : base(errorRecord.Exception?.Message)
        {
            ErrorRecord = errorRecord;
        }

        public ErrorRecord ErrorRecord { get; }
    }
}
