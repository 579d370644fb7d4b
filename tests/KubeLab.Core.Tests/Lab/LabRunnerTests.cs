using System.Collections.Concurrent;
using KubeLab.Lab;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Lab;

public sealed class LabRunnerTests
{
    private readonly ConcurrentQueue<string> _events = new();

    [Fact]
    public async Task IndependentStepsOverlapAndDependentsWaitForThem()
    {
        // "docker" cannot finish until "tools" has started: run one after the other, this would never end.
        var toolsStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var steps = new[]
        {
            Step("host"),
            Step("docker", dependsOn: new[] { "host" }, run: async () => await toolsStarted.Task.WaitAsync(TimeSpan.FromSeconds(10))),
            Step("tools", dependsOn: new[] { "host" }, run: () => { toolsStarted.TrySetResult(); return Task.CompletedTask; }),
            Step("minikube", dependsOn: new[] { "docker", "tools" }),
        };

        var results = await new LabRunner(new RecordingLog()).RunAsync(steps, (_, _) => true, null, default);

        Assert.All(results, r => Assert.Equal(LabStepStatus.Done, r.Status));
        var order = _events.Where(e => e.StartsWith("run ")).ToList();
        Assert.Equal("run host", order[0]);
        Assert.Equal("run minikube", order[^1]);
    }

    [Fact]
    public async Task ASecondRunFindsEverythingDoneAndRunsNothing()
    {
        var steps = new[] { Step("host", done: true), Step("docker", new[] { "host" }, done: true) };
        var asked = 0;
        var results = await new LabRunner(new RecordingLog()).RunAsync(steps, (_, _) => { asked++; return true; }, null, default);
        Assert.All(results, r => Assert.Equal(LabStepStatus.AlreadyDone, r.Status));
        Assert.Equal(0, asked);
        Assert.DoesNotContain(_events, e => e.StartsWith("run ") || e.StartsWith("plan "));
    }

    [Fact]
    public async Task AFailedStepStopsItsDependentsButNotTheOthers()
    {
        var steps = new[]
        {
            Step("docker", run: () => throw new InvalidOperationException("apt failed")),
            Step("group", new[] { "docker" }),
            Step("tools"),
        };
        var results = await new LabRunner(new RecordingLog()).RunAsync(steps, (_, _) => true, null, default);
        Assert.Equal(new[] { LabStepStatus.Failed, LabStepStatus.Skipped, LabStepStatus.Done }, results.Select(r => r.Status));
        Assert.Equal("apt failed", results[0].Detail);
        Assert.IsType<InvalidOperationException>(results[0].Error);
        Assert.Contains("docker", results[1].Detail);
    }

    [Fact]
    public async Task WhatIfShowsEachPlanAndRunsNothing()
    {
        var steps = new[] { Step("host", done: true), Step("docker", new[] { "host" }), Step("group", new[] { "docker" }) };
        var asked = new List<(string Target, string Action)>();
        var results = await new LabRunner(new RecordingLog()).RunAsync(steps, (t, a) => { asked.Add((t, a)); return false; }, null, default);

        Assert.Equal(new[] { LabStepStatus.AlreadyDone, LabStepStatus.Skipped, LabStepStatus.Skipped }, results.Select(r => r.Status));
        Assert.Equal("docker", asked.Single().Target);
        Assert.Contains("  docker: command 1", asked.Single().Action);
        Assert.DoesNotContain(_events, e => e.StartsWith("run "));
    }

    [Fact]
    public async Task WhatIfWithTheWholePlanShowsStepsAfterADeclinedOneAndSaysWhichAreDone()
    {
        var steps = new[] { Step("host", done: true), Step("docker", new[] { "host" }), Step("group", new[] { "docker" }), Step("tools", new[] { "host" }, done: true) };
        var asked = new List<(string Target, string Action)>();
        var results = await new LabRunner(new RecordingLog()).RunAsync(steps, (t, a) => { asked.Add((t, a)); return false; }, null, default, listWholePlan: true);

        Assert.Equal(new[] { LabStepStatus.AlreadyDone, LabStepStatus.Skipped, LabStepStatus.Skipped, LabStepStatus.AlreadyDone }, results.Select(r => r.Status));
        Assert.Equal(new[] { "docker", "group", "host", "tools" }, asked.Select(a => a.Target).OrderBy(t => t));
        Assert.Contains(asked, a => a.Target == "group" && a.Action.Contains("group: command 1"));
        Assert.Contains(asked, a => a.Target == "tools" && a.Action.StartsWith("Already done"));
        Assert.DoesNotContain(_events, e => e.StartsWith("run "));
    }

    [Fact]
    public async Task AStepAfterADeclinedOneNeverRunsEvenWhenApproved()
    {
        // -Confirm: "no" to Docker, "yes" to the group: the group must not run without Docker.
        var steps = new[] { Step("docker"), Step("group", new[] { "docker" }) };
        var results = await new LabRunner(new RecordingLog()).RunAsync(steps, (t, _) => t != "docker", null, default, listWholePlan: true);
        Assert.Equal(new[] { LabStepStatus.Skipped, LabStepStatus.Skipped }, results.Select(r => r.Status));
        Assert.DoesNotContain(_events, e => e.StartsWith("run "));
    }

    [Fact]
    public async Task ProgressCountsFinishedStepsAndForwardsEachStepsOwnNews()
    {
        var reports = new ConcurrentQueue<LabProgress>();
        var steps = new[] { Step("a"), Step("b", new[] { "a" }) };
        await new LabRunner(new RecordingLog()).RunAsync(steps, (_, _) => true, new SyncProgress<LabProgress>(reports.Enqueue), default);

        Assert.Contains(reports, r => r.Step == "a" && r.StepProgress?.Status == "a working");
        Assert.Equal(new[] { 1, 2 }, reports.Where(r => r.StepProgress == null && !r.Completed).Select(r => r.FinishedSteps));
        Assert.True(reports.Last().Completed);
    }

    [Fact]
    public async Task CancellationStopsTheRun()
    {
        using var cancel = new CancellationTokenSource();
        var steps = new[] { Step("slow", run: async () => { cancel.Cancel(); await Task.Delay(10_000, cancel.Token); }) };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new LabRunner(new RecordingLog()).RunAsync(steps, (_, _) => true, null, cancel.Token));
    }

    [Fact]
    public async Task AStepListedBeforeWhatItNeedsIsAProgrammingError()
    {
        var steps = new[] { Step("group", new[] { "docker" }), Step("docker") };
        await Assert.ThrowsAsync<ArgumentException>(() => new LabRunner(new RecordingLog()).RunAsync(steps, (_, _) => true, null, default));
    }

    private FakeStep Step(string name, string[]? dependsOn = null, bool done = false, Func<Task>? run = null) =>
        new(name, dependsOn ?? Array.Empty<string>(), done, run ?? (() => Task.CompletedTask), _events);


    private sealed class FakeStep : ILabStep
    {
        private readonly bool _done;
        private readonly Func<Task> _run;
        private readonly ConcurrentQueue<string> _events;

        public FakeStep(string name, string[] dependsOn, bool done, Func<Task> run, ConcurrentQueue<string> events)
        {
            Name = name;
            DependsOn = dependsOn;
            _done = done;
            _run = run;
            _events = events;
        }

        public string Name { get; }

        public IReadOnlyList<string> DependsOn { get; }

        public Task<bool> IsDoneAsync(CancellationToken cancellationToken) => Task.FromResult(_done);

        public Task<IReadOnlyList<string>> PlanAsync(CancellationToken cancellationToken)
        {
            _events.Enqueue("plan " + Name);
            return Task.FromResult<IReadOnlyList<string>>(new[] { Name + ": command 1", Name + ": file 2" });
        }

        public async Task<string> RunAsync(IProgress<LabStepProgress> progress, CancellationToken cancellationToken)
        {
            _events.Enqueue("run " + Name);
            progress.Report(new LabStepProgress(Name + " working", 50));
            await _run();
            _events.Enqueue("end " + Name);
            return Name + " ok";
        }
    }
}
