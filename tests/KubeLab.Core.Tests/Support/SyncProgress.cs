namespace KubeLab.Tests.Support;

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the pool).</summary>
public sealed class SyncProgress<T> : IProgress<T>
{
    private readonly Action<T> _report;

    public SyncProgress(Action<T> report) => _report = report;

    public void Report(T value) => _report(value);
}
