using KubeLab.Downloads;
using KubeLab.Host;
using KubeLab.Lab;
using KubeLab.Processes;
using KubeLab.Tests.Support;
using KubeLab.Tools;
using Xunit;

namespace KubeLab.Tests.Lab;

/// <summary>The lab's tools step against the loopback mirror: installs what is missing, and the second time asks nothing.</summary>
public sealed class ToolsLabStepTests : IDisposable
{
    private readonly MirrorTree _tree = new();
    private readonly LoopbackMirror _server;
    private readonly RecordingLog _log = new();
    private readonly string _dest = Directory.CreateTempSubdirectory("kubelab-lab-tools-").FullName;
    private readonly Downloader _downloader;

    public ToolsLabStepTests()
    {
        _server = new LoopbackMirror(_tree.Root);
        _downloader = new Downloader(DownloadMirror.Parse(_server.Url), _log, new RetryPolicy(2, TimeSpan.FromMilliseconds(1), (_, _) => Task.CompletedTask));
        _tree.AddKubectl();
        _tree.Add("https://dl.k8s.io/release/stable.txt", "v1.33.1");
        _tree.AddMinikube("v1.38.1");
        _tree.Add("https://github.com/kubernetes/minikube/releases/latest", "v1.38.1");
    }

    public void Dispose()
    {
        _downloader.Dispose();
        _server.Dispose();
        _tree.Dispose();
        Directory.Delete(_dest, recursive: true);
    }

    private ToolsLabStep Step() => new(
        new ToolInventory(new CliWrapCommandRunner(_log), null, _log),
        () => new ToolInstaller(_downloader, new CliWrapCommandRunner(_log), _log, new HostPlatform("linux", "amd64")),
        _log,
        _dest,
        new[] { "kubectl", "minikube" });

    [Fact]
    public async Task InstallsWhatIsMissingThenFindsItDoneWithoutAskingAnyServer()
    {
        var first = Step();
        Assert.False(await first.IsDoneAsync(default));
        var plan = await first.PlanAsync(default);
        Assert.Equal(2, plan.Count);
        Assert.Contains(plan, line => line.StartsWith("Install kubectl"));
        Assert.Empty(_server.Requests); // looking and planning ask nothing

        var reports = new List<LabStepProgress>();
        var detail = await first.RunAsync(new SyncProgress<LabStepProgress>(reports.Add), default);
        Assert.Equal("kubectl v1.33.1, minikube v1.38.1", detail);
        Assert.Contains(reports, r => r.Percent == 100);

        _server.ClearRequests();
        var second = Step();
        Assert.True(await second.IsDoneAsync(default));
        Assert.Equal(new[] { "v1.33.1", "v1.38.1" }, second.Found.Select(t => t.Version));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AFailedDownloadLeavesTheOthersPlacedAndTheNextRunFinishes()
    {
        File.Delete(_tree.PathOf("https://github.com/kubernetes/minikube/releases/download/v1.38.1/minikube-linux-amd64"));
        var step = Step();
        await Assert.ThrowsAsync<DownloadException>(() => step.RunAsync(new SyncProgress<LabStepProgress>(_ => { }), default));
        Assert.Equal(new[] { "kubectl" }, Directory.GetFiles(_dest).Select(Path.GetFileName));

        _tree.AddMinikube("v1.38.1");
        _server.ClearRequests();
        var plan = await Step().PlanAsync(default);
        Assert.Single(plan); // only minikube is left
        await Step().RunAsync(new SyncProgress<LabStepProgress>(_ => { }), default);
        Assert.Equal(0, _server.CountRequests("/kubectl"));
        Assert.True(await Step().IsDoneAsync(default));
    }

}
