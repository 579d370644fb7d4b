using KubeLab.Tools;
using KubeLab.Processes;
using KubeLab.Releases;
using KubeLab.Tests.Support;
using KubeLab.Tests;
using Xunit;
using KubeLab.Downloads;
using KubeLab.Host;

namespace KubeLab.Tests.Tools;

public sealed class InventoryAndUninstallTests : IDisposable
{
    private readonly MirrorTree _tree = new();
    private readonly LoopbackMirror _server;
    private readonly RecordingLog _log = new();
    private readonly string _dest = Directory.CreateTempSubdirectory("kubelab-dest-").FullName;
    private readonly Downloader _downloader;

    public InventoryAndUninstallTests()
    {
        _server = new LoopbackMirror(_tree.Root);
        _downloader = new Downloader(DownloadMirror.Parse(_server.Url), _log, new RetryPolicy(1, TimeSpan.Zero));
    }

    public void Dispose()
    {
        _downloader.Dispose();
        _server.Dispose();
        _tree.Dispose();
        Directory.Delete(_dest, recursive: true);
    }

    private async Task InstallAsync(string name, string version)
    {
        var installer = new ToolInstaller(_downloader, new CliWrapCommandRunner(_log), _log, new HostPlatform("linux", "amd64"));
        await installer.InstallAsync(new ToolInstallRequest(name, _dest) { Version = version }, null, default);
    }

    [Theory]
    [InlineData("1.27")]
    [InlineData("1.30")]
    [InlineData("1.33")]
    public async Task ReadsTheVersionOfRealKubectlReleases(string minor)
    {
        var binary = $"/usr/lib/google-cloud-sdk/bin/kubectl.{minor}";
        var version = await new ToolVersionProbe(new CliWrapCommandRunner(_log)).GetVersionAsync(ToolCatalog.Get("kubectl"), binary, default);
        Assert.StartsWith($"v{minor}.", version!.ToString());
    }

    [Fact]
    public async Task AFileThatHangsHasNoVersionInsteadOfBlocking()
    {
        var path = Path.Combine(_dest, "kubectl");
        File.WriteAllText(path, "#!/bin/sh\nsleep 30\n");
        File.SetUnixFileMode(path, (UnixFileMode)0x1ED);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var version = await new ToolVersionProbe(new CliWrapCommandRunner(_log), TimeSpan.FromMilliseconds(500)).GetVersionAsync(ToolCatalog.Get("kubectl"), path, default);
        Assert.Null(version);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task OnlineInventoryComparesWithLatest()
    {
        _tree.AddKubectl();
        await InstallAsync("kubectl", "1.33.1");
        _tree.Add("https://dl.k8s.io/release/stable.txt", "v1.34.0");
        _tree.Add("https://github.com/kubernetes/minikube/releases/latest", "v1.38.1");

        var tools = await new ToolInventory(new CliWrapCommandRunner(_log), _downloader, _log).GetAsync(new[] { "kubectl", "minikube", "docker-compose" }, _dest, online: true, default);

        var kubectl = tools[0];
        Assert.True(kubectl.Installed);
        Assert.Equal("v1.33.1", kubectl.Version);
        Assert.Equal("v1.34.0", kubectl.LatestVersion);
        Assert.True(kubectl.UpdateAvailable);
        Assert.Equal(_dest, kubectl.Destination);
        Assert.True(kubectl.ManagedByKubeLab);
        Assert.NotNull(kubectl.Sha256);
        Assert.Contains("dl.k8s.io/release/v1.33.1", kubectl.Source);
        Assert.False(tools[1].Installed);
        Assert.False(tools[1].UpdateAvailable);
        Assert.Null(tools[2].LatestVersion); // compose has no latest in this mirror, and is not installed: said in -Verbose only
        Assert.DoesNotContain(_log.Messages, m => m.StartsWith("WARNING:"));
        Assert.Contains(_log.Messages, m => m.StartsWith("VERBOSE: Latest docker-compose unknown"));
    }

    [Fact]
    public async Task OfflineInventoryMakesNoRequest()
    {
        var tools = await new ToolInventory(new CliWrapCommandRunner(_log), _downloader, _log).GetAsync(Array.Empty<string>(), _dest, online: false, default);
        Assert.Equal(ToolCatalog.Names, tools.Select(t => t.Name));
        Assert.All(tools, t => Assert.Null(t.UpdateAvailable));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task UninstallRemovesWhatKubeLabPlaced()
    {
        _tree.AddMinikube("v1.38.1");
        await InstallAsync("minikube", "1.38.1");
        var removed = await new ToolUninstaller(_log).UninstallAsync("minikube", _dest, (_, _) => true, default);
        Assert.NotNull(removed);
        Assert.False(removed!.Installed);
        Assert.Equal(Path.Combine(_dest, "minikube"), removed.Path);
        Assert.False(File.Exists(Path.Combine(_dest, "minikube")));
        Assert.Null(new InstallRecords(_dest).Find("minikube"));
    }

    [Fact]
    public async Task UninstallRemovesAToolThatCameFromAnArchive()
    {
        // kustomize ships as a tar.gz: the record must hold the extracted binary's hash, not the archive's.
        _tree.AddKustomize("v5.8.1");
        await InstallAsync("kustomize", "5.8.1");
        Assert.NotNull(await new ToolUninstaller(_log).UninstallAsync("kustomize", _dest, (_, _) => true, default));
        Assert.False(File.Exists(Path.Combine(_dest, "kustomize")));
    }

    [Fact]
    public async Task UninstallDeclinedKeepsEverything()
    {
        _tree.AddMinikube("v1.38.1");
        await InstallAsync("minikube", "1.38.1");
        Assert.Null(await new ToolUninstaller(_log).UninstallAsync("minikube", _dest, (_, _) => false, default));
        Assert.True(File.Exists(Path.Combine(_dest, "minikube")));
        Assert.NotNull(new InstallRecords(_dest).Find("minikube"));
    }

    [Fact]
    public async Task UninstallLeavesAFileKubeLabDidNotPlace()
    {
        File.WriteAllText(Path.Combine(_dest, "kubectl"), "from apt");
        var error = await Assert.ThrowsAsync<ToolInstallException>(() => new ToolUninstaller(_log).UninstallAsync("kubectl", _dest, (_, _) => true, default));
        Assert.Equal(ToolInstallError.NotInstalledByKubeLab, error.Error);
        Assert.True(File.Exists(Path.Combine(_dest, "kubectl")));
    }

    [Fact]
    public async Task UninstallLeavesAFileReplacedSinceKubeLabPlacedIt()
    {
        _tree.AddMinikube("v1.38.1");
        await InstallAsync("minikube", "1.38.1");
        File.WriteAllText(Path.Combine(_dest, "minikube"), "replaced by hand");
        var error = await Assert.ThrowsAsync<ToolInstallException>(() => new ToolUninstaller(_log).UninstallAsync("minikube", _dest, (_, _) => true, default));
        Assert.Equal(ToolInstallError.NotInstalledByKubeLab, error.Error);
        Assert.Equal("replaced by hand", File.ReadAllText(Path.Combine(_dest, "minikube")));
    }

    [Fact]
    public async Task UninstallOfAMissingToolSaysSo()
    {
        var error = await Assert.ThrowsAsync<ToolInstallException>(() => new ToolUninstaller(_log).UninstallAsync("kustomize", _dest, (_, _) => true, default));
        Assert.Equal(ToolInstallError.NotInstalled, error.Error);
    }

    [Fact]
    public async Task RecordsLiveInTheStateFolderKeyedByDestinationNotBesideTheBinaries()
    {
        _tree.AddKubectl();
        await InstallAsync("kubectl", "1.33.1");
        var records = new InstallRecords(_dest);
        Assert.StartsWith(Path.Combine(TestStateFolder.Path, "tools"), records.Location);
        Assert.EndsWith(Uri.EscapeDataString(_dest.Trim('/')) + ".tsv", records.Location);
        Assert.Contains("kubectl\t", File.ReadAllText(records.Location));
        Assert.False(File.Exists(Path.Combine(_dest, InstallRecords.LegacyFileName)));
    }

    [Fact]
    public async Task RecordsKeptBesideTheBinariesByOlderVersionsStillCountAndMoveOnTheNextChange()
    {
        _tree.AddKubectl();
        await InstallAsync("kubectl", "1.33.1");
        var records = new InstallRecords(_dest);
        var line = File.ReadAllLines(records.Location).Single(l => l.StartsWith("kubectl\t"));
        File.Delete(records.Location);
        File.WriteAllText(Path.Combine(_dest, InstallRecords.LegacyFileName), "# older KubeLab\n" + line + "\n");

        var tool = (await new ToolInventory(new CliWrapCommandRunner(_log), null, _log).GetAsync(new[] { "kubectl" }, _dest, online: false, default)).Single();
        Assert.True(tool.ManagedByKubeLab);

        Assert.NotNull(await new ToolUninstaller(_log).UninstallAsync("kubectl", _dest, (_, _) => true, default));
        Assert.False(File.Exists(Path.Combine(_dest, InstallRecords.LegacyFileName)));
        Assert.Null(new InstallRecords(_dest).Find("kubectl"));
    }

    [Fact]
    public void TheStateFolderFollowsTheOverrideThenRootThenXdg()
    {
        Assert.Equal(TestStateFolder.Path, InstallRecords.DefaultStateFolder());
        Assert.Equal("/srv/state", InstallRecords.StateFolderFor("/srv/state", isRoot: true, "/x", "/root"));
        Assert.Equal("/var/lib/kubelab", InstallRecords.StateFolderFor(null, isRoot: true, "/x", "/root"));
        Assert.Equal("/x/kubelab", InstallRecords.StateFolderFor("", isRoot: false, "/x", "/home/ana"));
        Assert.Equal("/home/ana/.local/state/kubelab", InstallRecords.StateFolderFor(null, isRoot: false, null, "/home/ana"));
    }
}
