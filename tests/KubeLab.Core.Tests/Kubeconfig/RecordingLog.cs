using KubeLab;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>Keeps what the store reports, so tests can check warnings and that no secret leaks into the log.</summary>
internal sealed class RecordingLog : IOperationLog
{
    public List<string> Verbose { get; } = new();

    public List<string> Warnings { get; } = new();

    void IOperationLog.Verbose(string message)
    {
        lock (Verbose)
        {
            Verbose.Add(message);
        }
    }

    void IOperationLog.Warning(string message)
    {
        lock (Warnings)
        {
            Warnings.Add(message);
        }
    }
}
