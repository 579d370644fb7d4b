using KubeLab.Tools;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Tools;

public sealed class ToolInstallBatchTests
{
    [Fact]
    public void TheSameToolIntoTheSameFolderIsAskedForOnce()
    {
        var batch = new ToolInstallBatch(new RecordingLog());
        batch.Add(new ToolInstallRequest("kubectl", "/opt/a"));
        batch.Add(new ToolInstallRequest("KUBECTL", "/opt/a"));
        batch.Add(new ToolInstallRequest("kubectl", "/opt/b"));
        Assert.Equal(new[] { "/opt/a", "/opt/b" }, batch.Requests.Select(r => r.Destination));
    }

    [Fact]
    public async Task AVersionPinnedForSeveralToolsIsRefusedBeforeAnythingRuns()
    {
        var batch = new ToolInstallBatch(new RecordingLog());
        batch.Add(new ToolInstallRequest("kubectl", "/opt/a") { Version = "1.33.1" });
        batch.Add(new ToolInstallRequest("minikube", "/opt/a") { Version = "1.33.1" });
        var error = await Assert.ThrowsAsync<ToolInstallException>(() => batch.InstallAsync(null!, (_, _) => null, default));
        Assert.Equal(ToolInstallError.VersionForSeveralTools, error.Error);
    }
}
