using System.Collections.Concurrent;

namespace KubeLab.Tests.Support;

public sealed class RecordingLog : IOperationLog
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public void Verbose(string message) => Messages.Enqueue("VERBOSE: " + message);

    public void Warning(string message) => Messages.Enqueue("WARNING: " + message);

    public override string ToString() => string.Join("\n", Messages);
}
