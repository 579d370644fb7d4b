using KubeLab.Docker;
using KubeLab.Lab;
using KubeLab.Processes;
using KubeLab.Tests.Docker;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Lab;

/// <summary>The lab's Docker step over a recorded machine: done without a command, resumes an interrupted apt, records only its own install.</summary>
public sealed class DockerLabStepTests : IDisposable
{
    private readonly DockerFixture _machine = new(DockerFixture.Debian12);
    private readonly string _state = Directory.CreateTempSubdirectory("kubelab-lab-docker-").FullName;
    private readonly string _updates;

    public DockerLabStepTests()
    {
        _updates = Path.Combine(_state, "updates");
        Directory.CreateDirectory(_updates);
        File.WriteAllText(_machine.Paths.InitScript, "#!/bin/sh\n");
        _machine.Failures["service docker start"] = 1;
        _machine.Failures["/usr/sbin/service docker start"] = 1;
    }

    public void Dispose()
    {
        _machine.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private LabRecord Record => new(_state);

    private DockerLabStep Step()
    {
        var identity = new SystemIdentity(_machine.Runner, 0, null, "root", "/root");
        return new DockerLabStep(_machine.Installer, new DockerInstallOptions { Source = DockerSource.Distribution }, Record,
            new InterruptedDpkg(new DockerCommands(_machine.Runner, new Elevation(identity)), _updates));
    }

    [Fact]
    public async Task InPlaceAndAnsweringIsDoneWithoutACommandAndIsNotRecordedAsTheLabs()
    {
        _machine.WriteDpkgStatus(("docker.io", "20.10.24"));
        _machine.Api.Running = true;
        Assert.True(await Step().IsDoneAsync(default));
        Assert.Empty(_machine.Commands);
        Assert.Null(Record.Get(LabRecord.DockerKey));
    }

    [Fact]
    public async Task InstallsAndRecordsTheInstallAsTheLabs()
    {
        var step = Step();
        Assert.False(await step.IsDoneAsync(default));
        Assert.Contains(await step.PlanAsync(default), line => line.Contains("apt-get install -y docker.io"));
        await step.RunAsync(new SyncProgress<LabStepProgress>(_ => { }), default);
        Assert.Contains("env DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io", _machine.Commands);
        Assert.Equal("Distribution", Record.Get(LabRecord.DockerKey));
    }

    [Fact]
    public async Task AnInterruptedAptIsFinishedFirstSoTheRunResumes()
    {
        _machine.WriteDpkgStatus(("docker.io", "20.10.24"));
        _machine.Api.Running = true;
        File.WriteAllText(Path.Combine(_updates, "0007"), string.Empty); // dpkg's journal of a change cut short
        var step = Step();
        Assert.False(await step.IsDoneAsync(default));
        Assert.StartsWith("Run (finish what an interrupted apt left half done): dpkg --configure -a", (await step.PlanAsync(default))[0]);

        await step.RunAsync(new SyncProgress<LabStepProgress>(_ => { }), default);
        Assert.Equal("dpkg --configure -a", _machine.Commands[0]);
        Assert.DoesNotContain(_machine.Commands, c => c.Contains("apt-get")); // the packages were in place after all

        File.Delete(Path.Combine(_updates, "0007"));
        File.WriteAllText(Path.Combine(_updates, "tmp.i"), string.Empty); // dpkg's temp file is no pending change
        Assert.True(await Step().IsDoneAsync(default));
    }
}
