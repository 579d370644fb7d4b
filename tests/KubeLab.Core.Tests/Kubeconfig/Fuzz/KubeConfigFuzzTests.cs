using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace KubeLab.Tests.Kubeconfig.Fuzz;

/// <summary>
/// Random damaged kubeconfigs plus the fixed hostile shapes, each read by kubectl and by KubeLab (in a child process):
/// they must agree on every case. CI runs the default seed, so a red build always means a change broke a known case;
/// KUBELAB_FUZZ_SEED=random explores new cases (the seed is printed), KUBELAB_FUZZ_SEED=n repeats a run, and
/// KUBELAB_FUZZ_CASES=n changes how many random cases there are (default 520). KUBELAB_FUZZ_KEEP=1 keeps the files.
/// </summary>
[Collection(KubectlCollection.Name)]
public sealed class KubeConfigFuzzTests
{
    public const int DefaultSeed = 20261125;

    private readonly ITestOutputHelper _output;

    public KubeConfigFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task KubeLabAndKubectlAgreeOnEveryCase()
    {
        var setting = Environment.GetEnvironmentVariable("KUBELAB_FUZZ_SEED");
        var seed = setting == "random" ? Environment.TickCount & 0x7FFFFFFF : int.TryParse(setting, out var chosen) ? chosen : DefaultSeed;
        var count = int.TryParse(Environment.GetEnvironmentVariable("KUBELAB_FUZZ_CASES"), out var n) ? n : 520;
        var cases = Enumerable.Range(0, count).Select(i => FuzzCase.Random(seed, i))
            .Concat(HostileShapes.All.Select(s => FuzzCase.Single("hostile: " + s.Name, s.Bytes)))
            .ToArray();
        var clock = Stopwatch.StartNew();
        using var harness = new FuzzHarness();
        var outcomes = await harness.RunAsync(cases, compareEdits: true);
        var failures = outcomes.Where(o => o.Failure != null).ToArray();
        var summary = $"KubeLab kubeconfig fuzz: seed {seed} (repeat with KUBELAB_FUZZ_SEED={seed}), {cases.Length} cases "
            + $"({outcomes.Count(o => o.KubectlAccepted)} read by kubectl, {outcomes.Count(o => !o.KubectlAccepted)} refused), "
            + $"{failures.Length} disagreements, {clock.Elapsed.TotalSeconds:N0} s";
        _output.WriteLine(summary);
        Console.WriteLine(summary);
        foreach (var failure in failures.Take(20))
        {
            _output.WriteLine($"- {failure.Case}: {failure.Failure}");
        }

        Assert.True(failures.Length == 0, summary + "\n" + string.Join("\n", failures.Take(10).Select(f => $"- {f.Case}: {f.Failure}")));
    }
}
