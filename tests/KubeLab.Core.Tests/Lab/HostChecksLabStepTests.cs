using KubeLab.Host;
using KubeLab.Lab;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Lab;

/// <summary>The lab's host step: stops before anything changes, or with -Force goes on with warnings; done once recorded.</summary>
public sealed class HostChecksLabStepTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("kubelab-lab-record-").FullName;
    private readonly RecordingLog _log = new();
    private List<HostCheck> _checks = new() { Check("CPUs", true), Check("Memory", true) };

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private LabRecord Record => new(_state);

    private HostChecksLabStep Step(bool force = false) => new(_ => Task.FromResult<IReadOnlyList<HostCheck>>(_checks), Record, _log, force);

    private static HostCheck Check(string name, bool passed, bool optional = false) =>
        new(name, "needed", passed ? "fine" : "missing", passed, $"Fix {name}.", optional: optional);

    [Fact]
    public async Task PassingChecksRunOnceThenTheStepIsDone()
    {
        Assert.False(await Step().IsDoneAsync(default));
        Assert.Equal("Every required check passed.", await Step().RunAsync(new SyncProgress<LabStepProgress>(_ => { }), default));
        Assert.True(await Step().IsDoneAsync(default));
    }

    [Fact]
    public async Task AFailedRequirementStopsWithItsAdviceAndRecordsNothing()
    {
        _checks.Add(Check("Isolation: cgroup v2", false));
        var step = Step();
        Assert.False(await step.IsDoneAsync(default));
        Assert.Contains(await step.PlanAsync(default), line => line.Contains("cgroup v2") && line.Contains("the lab stops here"));
        var ex = await Assert.ThrowsAsync<HostChecksFailedException>(() => step.RunAsync(new SyncProgress<LabStepProgress>(_ => { }), default));
        Assert.Contains("Fix Isolation: cgroup v2.", ex.Message);
        Assert.Contains("-Force", ex.Message);
        Assert.False(File.Exists(Record.Location));
    }

    [Fact]
    public async Task ForceTurnsFailuresIntoWarningsListedInTheDetail()
    {
        _checks.Add(Check("Isolation: cgroup v2", false));
        var detail = await Step(force: true).RunAsync(new SyncProgress<LabStepProgress>(_ => { }), default);
        Assert.Contains("Isolation: cgroup v2 (missing)", detail);
        Assert.Contains(_log.Messages, m => m.StartsWith("WARNING: Host check 'Isolation: cgroup v2' failed"));
        Assert.True(await Step(force: true).IsDoneAsync(default));
        Assert.False(await Step(force: false).IsDoneAsync(default)); // without -Force the failure stops the lab again

        _checks.Add(Check("Memory", false)); // a failure not accepted before is not done
        Assert.False(await Step(force: true).IsDoneAsync(default));
    }

    [Fact]
    public async Task DockerChecksAndOptionalChecksDoNotCount()
    {
        // Installing Docker and joining its group is what the lab is about to do.
        _checks.Add(Check("Docker installed", false));
        _checks.Add(Check("Docker group", false));
        _checks.Add(Check("Virtualization", false, optional: true));
        await Step().RunAsync(new SyncProgress<LabStepProgress>(_ => { }), default);
        Assert.True(await Step().IsDoneAsync(default));
    }
}
