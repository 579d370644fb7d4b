namespace KubeLab
{
    /// <summary>Where Core services report what they do; the cmdlets route it to -Verbose and warnings.</summary>
    public interface IOperationLog
    {
        void Verbose(string message);

        void Warning(string message);
    }

    /// <summary>A log that drops everything, for callers that do not care (tests, benchmarks).</summary>
    public sealed class NullOperationLog : IOperationLog
    {
        public static readonly NullOperationLog Instance = new NullOperationLog();

        private NullOperationLog()
        {
        }

        public void Verbose(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
