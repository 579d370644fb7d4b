using KubeLab.Lab;
using Xunit;

namespace KubeLab.Tests.Lab;

public sealed class LabRecordTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("kubelab-lab-record-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public void KeepsEachFactAcrossInstancesAndGoesAwayWhenEmpty()
    {
        new LabRecord(_state).Set(LabRecord.DockerKey, "Distribution");
        new LabRecord(_state).Set(LabRecord.DockerGroupKey, "ana");
        new LabRecord(_state).Set(LabRecord.HostChecksKey, string.Empty);
        var record = new LabRecord(_state);
        Assert.Equal("Distribution", record.Get(LabRecord.DockerKey));
        Assert.Equal("ana", record.Get(LabRecord.DockerGroupKey));
        Assert.Equal(string.Empty, record.Get(LabRecord.HostChecksKey));
        Assert.Equal(Path.Combine(_state, "lab.tsv"), record.Location);

        record.Remove(LabRecord.DockerKey);
        record.Remove(LabRecord.DockerGroupKey);
        Assert.Null(record.Get(LabRecord.DockerKey));
        record.Remove(LabRecord.HostChecksKey);
        Assert.False(File.Exists(record.Location));
    }

    [Fact]
    public async Task StepsRecordingAtTheSameTimeLoseNothing()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => new LabRecord(_state).Set("key" + i, "value" + i))));
        var record = new LabRecord(_state);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal("value" + i, record.Get("key" + i)));
    }
}
