using System.Text;
using KubeLab.Tools;
using KubeLab.Processes;
using KubeLab.Releases;
using KubeLab.Tests.Support;
using KubeLab.Tests;
using Xunit;
using KubeLab.Downloads;
using KubeLab.Host;

namespace KubeLab.Tests.Tools;

public sealed class ToolInstallerTests : IDisposable
{
    private const string KubectlPath = "/dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl";
    private readonly MirrorTree _tree = new();
    private readonly LoopbackMirror _server;
    private readonly RecordingLog _log = new();
    private readonly string _dest = Directory.CreateTempSubdirectory("kubelab-dest-").FullName;
    private readonly Downloader _downloader;
    private readonly ToolInstaller _installer;

    public ToolInstallerTests()
    {
        _server = new LoopbackMirror(_tree.Root);
        _downloader = NewDownloader(DownloadMirror.Parse(_server.Url), TimeSpan.FromSeconds(30));
        _installer = new ToolInstaller(_downloader, new CliWrapCommandRunner(_log), _log, new HostPlatform("linux", "amd64"));
    }

    public void Dispose()
    {
        _downloader.Dispose();
        _server.Dispose();
        _tree.Dispose();
        Directory.Delete(_dest, recursive: true);
    }

    private Downloader NewDownloader(DownloadMirror? mirror, TimeSpan stall) =>
        new(mirror, _log, new RetryPolicy(3, TimeSpan.FromMilliseconds(1), (_, _) => Task.CompletedTask), stall);

    private ToolInstallRequest Request(string name, string? version = null, string? destination = null) =>
        new(name, destination ?? _dest) { Version = version };

    private string[] DestinationFiles(string? folder = null) =>
        Directory.GetFiles(folder ?? _dest).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    [Fact]
    public async Task InstallsTheRealKubectlAndAsksItsVersion()
    {
        var hash = _tree.AddKubectl();
        var tool = (await _installer.InstallAsync(Request("kubectl", "1.33.1"), null, default))!;

        Assert.Equal(ToolStatus.Installed, tool.Status);
        Assert.Equal("v1.33.1", tool.Version);
        Assert.Equal(hash, tool.Sha256);
        Assert.Equal(hash, MirrorTree.Sha256(tool.Path));
        Assert.Equal(_server.Url + "dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl", tool.Source);
        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(tool.Path));
        Assert.Equal(new[] { "kubectl" }, DestinationFiles());
        Assert.Contains(_log.Messages, m => m.Contains("kubectl.sha256"));
        Assert.Contains(_log.Messages, m => m.Contains(Path.Combine(_dest, "kubectl") + " version --client -o json"));
    }

    [Fact]
    public async Task LatestKubectlComesFromStableTxt()
    {
        _tree.AddKubectl();
        _tree.Add("https://dl.k8s.io/release/stable.txt", "v1.33.1\n");
        var tool = (await _installer.InstallAsync(Request("kubectl"), null, default))!;
        Assert.Equal("v1.33.1", tool.Version);
        Assert.Equal("/dl.k8s.io/release/stable.txt", _server.Requests[0]);
    }

    [Fact]
    public async Task SameVersionAlreadyThereDownloadsNothingUnlessForced()
    {
        _tree.AddKubectl();
        await _installer.InstallAsync(Request("kubectl", "v1.33.1"), null, default);
        _server.ClearRequests();

        var again = (await _installer.InstallAsync(Request("kubectl", "v1.33.1"), null, default))!;
        Assert.Equal(ToolStatus.AlreadyInstalled, again.Status);
        Assert.Empty(_server.Requests);

        var forced = Request("kubectl", "v1.33.1");
        forced.Force = true;
        Assert.Equal(ToolStatus.Installed, (await _installer.InstallAsync(forced, null, default))!.Status);
        Assert.Equal(1, _server.CountRequests(KubectlPath));
    }

    [Fact]
    public async Task AnotherVersionIsUpdated()
    {
        File.WriteAllText(Path.Combine(_dest, "minikube"), FakeTools.Minikube("v1.37.0"));
        File.SetUnixFileMode(Path.Combine(_dest, "minikube"), (UnixFileMode)0x1ED);
        _tree.AddMinikube("v1.38.1");
        var tool = (await _installer.InstallAsync(Request("minikube", "1.38.1"), null, default))!;
        Assert.Equal(ToolStatus.Updated, tool.Status);
        Assert.Equal("v1.38.1", tool.Version);
    }

    [Fact]
    public async Task ChecksumMismatchKeepsThePreviousBinaryAndLeavesNoTempFile()
    {
        _tree.AddKubectl(content: Encoding.UTF8.GetBytes("tampered"));
        _tree.Add("https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl.sha256", new string('0', 64));
        File.WriteAllText(Path.Combine(_dest, "kubectl"), "previous");

        var error = await Assert.ThrowsAsync<ToolInstallException>(() => _installer.InstallAsync(Request("kubectl", "1.33.1"), null, default));
        Assert.Equal(ToolInstallError.ChecksumMismatch, error.Error);
        Assert.Contains("https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl", error.Message);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(_dest, "kubectl")));
        Assert.Equal(new[] { "kubectl" }, DestinationFiles());
    }

    [Fact]
    public async Task UserHashReplacesTheChecksumFileAndIsEnforced()
    {
        var hash = _tree.AddKubectl();
        File.Delete(_tree.PathOf("https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl.sha256"));

        var wrong = Request("kubectl", "1.33.1");
        wrong.Sha256 = new string('f', 64);
        var error = await Assert.ThrowsAsync<ToolInstallException>(() => _installer.InstallAsync(wrong, null, default));
        Assert.Equal(ToolInstallError.ChecksumMismatch, error.Error);
        Assert.Empty(DestinationFiles());

        var right = Request("kubectl", "1.33.1");
        right.Sha256 = hash.ToUpperInvariant();
        Assert.Equal("v1.33.1", (await _installer.InstallAsync(right, null, default))!.Version);
        Assert.Equal(0, _server.CountRequests("kubectl.sha256"));
    }

    [Fact]
    public async Task AMirrorWithTheChecksumOnlyWhereOlderInstructionsPutItStillInstalls()
    {
        var hash = _tree.AddKubectl();
        File.Delete(_tree.PathOf("https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl.sha256"));
        _tree.Add("https://dl.k8s.io/v1.33.1/bin/linux/amd64/kubectl.sha256", hash);

        var tool = await _installer.InstallAsync(Request("kubectl", "1.33.1"), null, default);
        Assert.Equal(hash, tool!.Sha256);
        Assert.Equal(1, _server.CountRequests("/dl.k8s.io/v1.33.1/bin/linux/amd64/kubectl.sha256"));
    }

    [Fact]
    public async Task MissingChecksumFileStopsBeforeDownloadingAndSuggestsSha256()
    {
        _tree.AddKubectl();
        File.Delete(_tree.PathOf("https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl.sha256"));
        var error = await Assert.ThrowsAsync<ToolInstallException>(() => _installer.InstallAsync(Request("kubectl", "1.33.1"), null, default));
        Assert.Equal(ToolInstallError.ChecksumUnavailable, error.Error);
        Assert.Contains("-Sha256", error.Message);
        Assert.Equal(0, _server.CountRequests(KubectlPath));
        Assert.Empty(DestinationFiles());
    }

    [Fact]
    public async Task ChecksumListWithoutTheAssetLineInstallsNothing()
    {
        _tree.AddKustomize("v5.8.1");
        _tree.Add("https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/checksums.txt", new string('a', 64) + "  kustomize_v5.8.1_linux_arm64.tar.gz\n");
        var error = await Assert.ThrowsAsync<ToolInstallException>(() => _installer.InstallAsync(Request("kustomize", "5.8.1"), null, default));
        Assert.Equal(ToolInstallError.ChecksumUnavailable, error.Error);
        Assert.Contains("kustomize_v5.8.1_linux_amd64.tar.gz", error.Message);
        Assert.Empty(DestinationFiles());
    }

    [Fact]
    public async Task MissingArtifactIsNotRetriedAndNamesTheUrl()
    {
        _tree.AddKubectl();
        File.Delete(_tree.PathOf("https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl"));
        var error = await Assert.ThrowsAsync<DownloadException>(() => _installer.InstallAsync(Request("kubectl", "1.33.1"), null, default));
        Assert.Equal(DownloadFailure.NotFound, error.Failure);
        Assert.Contains(_server.Url + KubectlPath.TrimStart('/'), error.Message);
        Assert.Equal(1, _server.CountRequests(KubectlPath));
        Assert.Empty(DestinationFiles());
    }

    [Fact]
    public async Task ServerErrorThenSuccessInstalls()
    {
        _tree.AddKubectl();
        _server.AddFaults(KubectlPath, MirrorFault.Status(500));
        Assert.Equal("v1.33.1", (await _installer.InstallAsync(Request("kubectl", "1.33.1"), null, default))!.Version);
        Assert.Equal(2, _server.CountRequests(KubectlPath));
    }

    [Theory]
    [InlineData(MirrorFaultKind.Truncate, DownloadFailure.Truncated)]
    [InlineData(MirrorFaultKind.Reset, DownloadFailure.Network)]
    [InlineData(MirrorFaultKind.Stall, DownloadFailure.Timeout)]
    [InlineData(MirrorFaultKind.Status, DownloadFailure.ServerError)]
    public async Task PersistentFailureKeepsThePreviousBinaryAndLeavesNoTempFile(MirrorFaultKind kind, DownloadFailure expected)
    {
        _tree.AddKubectl();
        var fault = kind switch
        {
            MirrorFaultKind.Truncate => MirrorFault.Truncate(),
            MirrorFaultKind.Reset => MirrorFault.Reset(),
            MirrorFaultKind.Stall => MirrorFault.Stall(5000),
            _ => MirrorFault.Status(502),
        };
        _server.AlwaysFail(KubectlPath, fault);
        File.WriteAllText(Path.Combine(_dest, "kubectl"), "previous");
        // A short stall timeout only where the stall is the point: elsewhere a busy machine could turn a slow read into a timeout.
        using var downloader = NewDownloader(DownloadMirror.Parse(_server.Url), kind == MirrorFaultKind.Stall ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(30));
        var installer = new ToolInstaller(downloader, new CliWrapCommandRunner(_log), _log, new HostPlatform("linux", "amd64"));

        var error = await Assert.ThrowsAsync<DownloadException>(() => installer.InstallAsync(Request("kubectl", "1.33.1"), null, default));
        Assert.Equal(expected, error.Failure);
        Assert.Equal(3, _server.CountRequests(KubectlPath));
        Assert.Equal("previous", File.ReadAllText(Path.Combine(_dest, "kubectl")));
        Assert.Equal(new[] { "kubectl" }, DestinationFiles());
    }

    [Fact]
    public async Task KustomizeLatestFollowsTheRedirectAndComesOutOfTheArchive()
    {
        _tree.AddKustomize("v5.8.1");
        _server.Redirect("/github.com/kubernetes-sigs/kustomize/releases/latest", "https://github.com/kubernetes-sigs/kustomize/releases/tag/kustomize%2Fv5.8.1");
        var tool = (await _installer.InstallAsync(Request("kustomize"), null, default))!;
        Assert.Equal("v5.8.1", tool.Version);
        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(tool.Path));
        Assert.Equal(new[] { "kustomize" }, DestinationFiles());
        Assert.Contains("/github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/kustomize_v5.8.1_linux_amd64.tar.gz", _server.Requests);
    }

    [Fact]
    public async Task KustomizeArchiveIsVerifiedBeforeItIsOpened()
    {
        _tree.AddKustomize("v5.8.1");
        // Not even a gzip: had extraction come first, this would be an archive error, not a checksum one.
        _tree.Add("https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/kustomize_v5.8.1_linux_amd64.tar.gz", "not an archive");
        var error = await Assert.ThrowsAsync<ToolInstallException>(() => _installer.InstallAsync(Request("kustomize", "5.8.1"), null, default));
        Assert.Equal(ToolInstallError.ChecksumMismatch, error.Error);
        Assert.Empty(DestinationFiles());
    }

    [Fact]
    public async Task ArchiveWithoutTheBinaryInstallsNothing()
    {
        var work = Directory.CreateTempSubdirectory("kubelab-tar-").FullName;
        File.WriteAllText(Path.Combine(work, "README.md"), "no binary here");
        var archive = Path.Combine(work, "a.tar.gz");
        MirrorTree.Run("tar", "-czf", archive, "-C", work, "README.md");
        var bytes = File.ReadAllBytes(archive);
        Directory.Delete(work, recursive: true);
        _tree.Add("https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/kustomize_v5.8.1_linux_amd64.tar.gz", bytes);
        _tree.Add("https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/checksums.txt", MirrorTree.Sha256(bytes) + "  kustomize_v5.8.1_linux_amd64.tar.gz\n");

        var error = await Assert.ThrowsAsync<ToolInstallException>(() => _installer.InstallAsync(Request("kustomize", "5.8.1"), null, default));
        Assert.Equal(ToolInstallError.InvalidArchive, error.Error);
        Assert.Empty(DestinationFiles());
    }

    [Fact]
    public async Task KustomizeV4VersionTextIsReadWhenJsonIsUnsupported()
    {
        _tree.AddKustomize("v4.5.7", FakeTools.KustomizeV4("v4.5.7"));
        Assert.Equal("v4.5.7", (await _installer.InstallAsync(Request("kustomize", "4.5.7"), null, default))!.Version);
    }

    [Fact]
    public async Task MinikubeLatestFromAMirrorFileNamingTheTag()
    {
        _tree.AddMinikube("v1.38.1");
        _tree.Add("https://github.com/kubernetes/minikube/releases/latest", "v1.38.1\n");
        Assert.Equal("v1.38.1", (await _installer.InstallAsync(Request("minikube"), null, default))!.Version);
    }

    [Fact]
    public async Task ComposeLatestFromARedirect()
    {
        _tree.AddDockerCompose("v2.29.7");
        _server.Redirect("/github.com/docker/compose/releases/latest", "/docker/compose/releases/tag/v2.29.7");
        var tool = (await _installer.InstallAsync(Request("docker-compose"), null, default))!;
        Assert.Equal("v2.29.7", tool.Version);
        Assert.EndsWith("docker-compose", tool.Path);
    }

    [Fact]
    public async Task FolderMirrorInstallsWithoutAnyServer()
    {
        _tree.AddDockerCompose("v2.29.7");
        _tree.Add("https://github.com/docker/compose/releases/latest", "https://github.com/docker/compose/releases/tag/v2.29.7");
        using var downloader = NewDownloader(DownloadMirror.Parse(_tree.Root), TimeSpan.FromSeconds(5));
        var installer = new ToolInstaller(downloader, new CliWrapCommandRunner(_log), _log, new HostPlatform("linux", "amd64"));
        var tool = (await installer.InstallAsync(Request("docker-compose"), null, default))!;
        Assert.Equal("v2.29.7", tool.Version);
        Assert.StartsWith(_tree.Root, tool.Source);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task FullDiskKeepsThePreviousBinaryAndLeavesNoTempFile()
    {
        _tree.AddKubectl(content: new byte[2 * 1024 * 1024]); // twice the 1 MB file system, whatever kubectl's size
        var dest = Path.Combine(_dest, "small");
        using (new Tmpfs(dest, "size=1m"))
        {
            File.WriteAllText(Path.Combine(dest, "kubectl"), "previous");
            var error = await Assert.ThrowsAsync<ToolInstallException>(() => _installer.InstallAsync(Request("kubectl", "1.33.1", dest), null, default));
            Assert.Equal(ToolInstallError.DestinationNotWritable, error.Error);
            Assert.Equal("previous", File.ReadAllText(Path.Combine(dest, "kubectl")));
            Assert.Equal(new[] { "kubectl" }, DestinationFiles(dest));
        }
    }

    [Fact]
    public async Task ReadOnlyDestinationFailsClearly()
    {
        _tree.AddKubectl();
        var dest = Path.Combine(_dest, "readonly");
        using (new Tmpfs(dest, "size=1m,ro"))
        {
            var error = await Assert.ThrowsAsync<ToolInstallException>(() => _installer.InstallAsync(Request("kubectl", "1.33.1", dest), null, default));
            Assert.Equal(ToolInstallError.DestinationNotWritable, error.Error);
            Assert.Contains(dest, error.Message);
            Assert.Empty(DestinationFiles(dest));
        }
    }

    [Fact]
    public async Task DeclinedByShouldProcessChangesAndDownloadsNothing()
    {
        _tree.AddKubectl();
        var asked = new List<(string Target, string Action)>();
        var request = Request("kubectl", "1.33.1");
        request.ShouldProcess = (target, action) =>
        {
            asked.Add((target, action));
            return false;
        };
        Assert.Null(await _installer.InstallAsync(request, null, default));
        Assert.Equal((Path.Combine(_dest, "kubectl"), "Install kubectl v1.33.1"), Assert.Single(asked));
        Assert.Empty(_server.Requests);
        Assert.Empty(DestinationFiles());
    }

    [Theory]
    [InlineData("kubectl", "1.33", null)]
    [InlineData("helm", "1.0.0", null)]
    [InlineData("kubectl", "1.33.1", "abc")]
    public async Task BadInputFailsBeforeAnyRequest(string name, string version, string? sha256)
    {
        var request = Request(name, version);
        request.Sha256 = sha256;
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _installer.InstallAsync(request, null, default));
        Assert.Empty(_server.Requests);
        Assert.Empty(DestinationFiles());
    }

    [Fact]
    public async Task SeveralToolsInstallInParallelIntoOneFolder()
    {
        _tree.AddKubectl();
        _tree.AddMinikube("v1.38.1");
        _tree.AddDockerCompose("v2.29.7");
        _tree.AddKustomize("v5.8.1");
        var progress = new List<ToolInstallProgress>();
        var reporter = new SynchronousProgress(p =>
        {
            lock (progress)
            {
                progress.Add(p);
            }
        });
        var results = await Task.WhenAll(
            _installer.InstallAsync(Request("kubectl", "1.33.1"), reporter, default),
            _installer.InstallAsync(Request("minikube", "1.38.1"), reporter, default),
            _installer.InstallAsync(Request("docker-compose", "2.29.7"), reporter, default),
            _installer.InstallAsync(Request("kustomize", "5.8.1"), reporter, default));
        Assert.Equal(new[] { "v1.33.1", "v1.38.1", "v2.29.7", "v5.8.1" }, results.Select(r => r!.Version));
        Assert.Equal(new[] { "docker-compose", "kubectl", "kustomize", "minikube" }, DestinationFiles());
        var records = new InstallRecords(_dest);
        Assert.All(results, r => Assert.Equal(r!.Sha256, records.Find(r.Name)!.Sha256));
        Assert.Contains(progress, p => p.Name == "kubectl" && !p.Completed && p.TotalBytes == new FileInfo(MirrorTree.KubectlBinary).Length);
        Assert.Equal(4, progress.Where(p => p.Completed).Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public async Task BinaryThatDoesNotRunIsReported()
    {
        _tree.AddKubectl(content: Encoding.UTF8.GetBytes("#!/bin/sh\nexit 3\n"));
        var error = await Assert.ThrowsAsync<ToolInstallException>(() => _installer.InstallAsync(Request("kubectl", "1.33.1"), null, default));
        Assert.Equal(ToolInstallError.VersionCheckFailed, error.Error);
    }

    private sealed class SynchronousProgress(Action<ToolInstallProgress> report) : IProgress<ToolInstallProgress>
    {
        public void Report(ToolInstallProgress value) => report(value);
    }
}
