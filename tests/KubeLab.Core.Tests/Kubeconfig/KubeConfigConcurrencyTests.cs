using System.Diagnostics;
using KubeLab.Kubeconfig;
using Xunit;
using Xunit.Abstractions;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>
/// kubectl and KubeLab editing the same chain at the same time. kubectl computes its new config before taking the
/// locks and then writes the difference against what it re-reads under them, so it can delete an entry another
/// writer added in between: that is kubectl's behaviour, counted and reported here. KubeLab reads under the locks,
/// so it must never lose a kubectl edit, and no reader may ever see a file kubectl cannot parse.
/// </summary>
[Collection(KubectlCollection.Name)]
public sealed class KubeConfigConcurrencyTests : IDisposable
{
    private const int Iterations = 40;
    private static readonly TimeSpan TimeCap = TimeSpan.FromSeconds(150);

    private readonly TempKubeDirectory _dir = new("kubelab-race-");
    private readonly ITestOutputHelper _output;

    public KubeConfigConcurrencyTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _dir.Dispose();

    /// <summary>Each loop blocks on processes, so it gets its own thread instead of waiting for a pool thread.</summary>
    private static Task Dedicated(Action loop) => Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public async Task KubeLabNeverLosesKubectlEditsAndFilesStayReadable()
    {
        var a = _dir.Write("a/config", "clusters:\n- name: c\n  cluster: {server: https://c}\nusers:\n- name: u\n  user: {token: t}\n");
        var b = _dir.Write("b/config", "contexts:\n- name: base\n  context: {cluster: c, user: u}\n");
        var chain = a + ":" + b;
        var store = new KubeConfigStore(KubeConfigLocation.Resolve(null, chain, _dir.Root, ':'), new RecordingLog());
        var clock = Stopwatch.StartNew();
        var kubectlLockRetries = 0;
        var kubelabLockRetries = 0;
        var unreadable = new List<string>();
        var observations = 0;
        using var done = new CancellationTokenSource();

        var kubectlWriter = Dedicated(() =>
        {
            for (var i = 0; i < Iterations && clock.Elapsed < TimeCap; i++)
            {
                var result = Kubectl.Run(_dir.Root, chain, "config", "set-context", $"k-{i}", "--cluster=c", "--user=u");
                if (result.ExitCode != 0)
                {
                    // kubectl gives up at once on a held lock; the test retries it, as a user would.
                    Assert.Contains(".lock", result.Stderr);
                    Interlocked.Increment(ref kubectlLockRetries);
                    i--;
                    Thread.Sleep(5);
                }
            }
        });

        var pacing = new Random(7);
        var kubelabWriter = Dedicated(() =>
        {
            for (var i = 0; i < Iterations && clock.Elapsed < TimeCap; i++)
            {
                // Paced like a kubectl run, so both writers overlap for the whole test instead of KubeLab finishing first.
                Thread.Sleep(pacing.Next(10, 120));
                try
                {
                    store.SetContext($"l-{i}", "c", "u", null);
                }
                catch (KubeConfigException ex) when (ex.Kind == KubeConfigErrorKind.Locked)
                {
                    Interlocked.Increment(ref kubelabLockRetries);
                    i--;
                    Thread.Sleep(20);
                }
            }
        });

        var poller = Dedicated(() =>
        {
            while (!done.IsCancellationRequested)
            {
                foreach (var file in new[] { a, b })
                {
                    var view = Kubectl.Run(_dir.Root, null, "config", "view", "--raw", "-o", "json", "--kubeconfig", file);
                    Interlocked.Increment(ref observations);
                    if (view.ExitCode != 0)
                    {
                        lock (unreadable)
                        {
                            unreadable.Add($"{file}: {view.Stderr.Trim()}");
                        }
                    }
                }
            }
        });

        await Task.WhenAll(kubectlWriter, kubelabWriter);
        await done.CancelAsync();
        await poller;

        var names = store.Read().Contexts.Select(c => c.Name).ToHashSet();
        var kubectlMissing = Enumerable.Range(0, Iterations).Select(i => $"k-{i}").Where(n => !names.Contains(n)).ToArray();
        var reverted = Enumerable.Range(0, Iterations).Select(i => $"l-{i}").Where(n => !names.Contains(n)).ToArray();
        _output.WriteLine(
            $"{Iterations} edits each in {clock.Elapsed.TotalSeconds:F1} s; {observations} kubectl reads while writing; " +
            $"kubectl retried {kubectlLockRetries} times on a held lock, KubeLab {kubelabLockRetries}; " +
            $"KubeLab edits reverted by kubectl: {reverted.Length} ({string.Join(", ", reverted)})");

        Assert.True(clock.Elapsed < TimeCap, "the loops hit the time cap, so not every edit was made");
        Assert.Empty(unreadable);
        Assert.Empty(kubectlMissing);
        Assert.Contains("base", names);
        Assert.Empty(Directory.GetFiles(_dir.Root, "*.lock", SearchOption.AllDirectories));
    }
}
