using System;
using KubeLab;

namespace KubeLab.Infrastructure
{
    /// <summary>Routes Core's log to a cmdlet's -Verbose and warning streams.</summary>
    internal sealed class CmdletOperationLog : IOperationLog
    {
        private readonly Action<string> _verbose;
        private readonly Action<string> _warning;

        public CmdletOperationLog(Action<string> verbose, Action<string> warning)
        {
            _verbose = verbose;
            _warning = warning;
        }

        public void Verbose(string message) => _verbose(message);

        public void Warning(string message) => _warning(message);
    }
}
