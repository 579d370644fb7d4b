using KubeLab.Tools;
using KubeLab.Tests.Support;
using KubeLab.Tests;
using Xunit;
using KubeLab.Downloads;

namespace KubeLab.Tests.Downloads;

public sealed class DownloaderTests : IDisposable
{
    private const string Upstream = "https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl";
    private const string MirrorPath = "/dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl";
    private readonly MirrorTree _tree = new();
    private readonly LoopbackMirror _server;
    private readonly List<TimeSpan> _delays = new();
    private readonly RecordingLog _log = new();
    private readonly byte[] _content = new byte[3 * 1024 * 1024 + 17];

    public DownloaderTests()
    {
        Random.Shared.NextBytes(_content);
        _tree.Add(Upstream, _content);
        _server = new LoopbackMirror(_tree.Root);
    }

    public void Dispose()
    {
        _server.Dispose();
        _tree.Dispose();
    }

    private Downloader NewDownloader(TimeSpan? stall = null) => new(
        DownloadMirror.Parse(_server.Url),
        _log,
        new RetryPolicy(4, TimeSpan.FromSeconds(1), (delay, _) =>
        {
            lock (_delays)
            {
                _delays.Add(delay);
            }

            return Task.CompletedTask;
        }),
        stall);

    [Fact]
    public async Task StreamsThroughTheMirrorHashingAndReportingTotals()
    {
        using var downloader = NewDownloader();
        using var target = new MemoryStream();
        var reports = new List<(long Received, long? Total)>();
        var content = await downloader.DownloadAsync(new Uri(Upstream), target, (r, t) => reports.Add((r, t)), default);
        Assert.Equal(MirrorTree.Sha256(_content), content.Sha256);
        Assert.Equal(_content, target.ToArray());
        Assert.Equal((_content.LongLength, (long?)_content.LongLength), reports[^1]);
        Assert.All(reports, r => Assert.Equal(_content.LongLength, r.Total));
        Assert.Contains(_log.Messages, m => m.Contains(_server.Url + "dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl") && m.Contains("mirror of " + Upstream));
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithExponentialBackoff()
    {
        _server.AddFaults(MirrorPath, MirrorFault.Status(500), MirrorFault.Status(503), MirrorFault.Reset());
        using var downloader = NewDownloader();
        using var target = new MemoryStream();
        var content = await downloader.DownloadAsync(new Uri(Upstream), target, null, default);
        Assert.Equal(MirrorTree.Sha256(_content), content.Sha256);
        Assert.Equal(4, _server.CountRequests(MirrorPath));
        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }, _delays);
        var notes = _log.Messages.Where(m => m.Contains("retrying in")).ToList();
        Assert.Equal(3, notes.Count);
        Assert.Contains("Attempt 1 of 4", notes[0]);
        Assert.All(notes, note => Assert.DoesNotContain("repeatedly", note)); // not yet true at attempt 1
    }

    [Fact]
    public async Task TruncatedBodyIsRetriedAndTheTargetRewound()
    {
        _server.AddFaults(MirrorPath, MirrorFault.Truncate());
        using var downloader = NewDownloader();
        using var target = new MemoryStream();
        var content = await downloader.DownloadAsync(new Uri(Upstream), target, null, default);
        Assert.Equal(_content, target.ToArray());
        Assert.Equal(2, _server.CountRequests(MirrorPath));
    }

    [Fact]
    public async Task NotFoundIsNotRetriedAndNamesTheUrl()
    {
        using var downloader = NewDownloader();
        var error = await Assert.ThrowsAsync<DownloadException>(() =>
            downloader.DownloadAsync(new Uri("https://dl.k8s.io/release/v9.9.9/bin/linux/amd64/kubectl"), new MemoryStream(), null, default));
        Assert.Equal(DownloadFailure.NotFound, error.Failure);
        Assert.Contains(_server.Url + "dl.k8s.io/release/v9.9.9/bin/linux/amd64/kubectl", error.Message);
        Assert.Contains("HTTP 404", error.Message);
        Assert.Single(_server.Requests);
        Assert.Empty(_delays);
    }

    [Theory]
    [InlineData(MirrorFaultKind.Truncate, DownloadFailure.Truncated)]
    [InlineData(MirrorFaultKind.Reset, DownloadFailure.Network)]
    public async Task PersistentTransientFailuresGiveUpAfterTheLastAttempt(MirrorFaultKind kind, DownloadFailure expected)
    {
        _server.AlwaysFail(MirrorPath, kind == MirrorFaultKind.Truncate ? MirrorFault.Truncate() : MirrorFault.Reset());
        using var downloader = NewDownloader();
        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(new Uri(Upstream), new MemoryStream(), null, default));
        Assert.Equal(expected, error.Failure);
        Assert.Equal(4, _server.CountRequests(MirrorPath));
        Assert.Equal(3, _delays.Count);
    }

    [Fact]
    public async Task StalledResponseTimesOutAndIsRetried()
    {
        _server.AddFaults(MirrorPath, MirrorFault.Stall(3000));
        using var downloader = NewDownloader(TimeSpan.FromMilliseconds(300));
        using var target = new MemoryStream();
        var content = await downloader.DownloadAsync(new Uri(Upstream), target, null, default);
        Assert.Equal(MirrorTree.Sha256(_content), content.Sha256);
        Assert.Contains(_log.Messages, m => m.Contains("no response within 0.3 s"));
    }

    [Fact]
    public async Task StalledEveryTimeEndsWithATimeout()
    {
        _server.AlwaysFail(MirrorPath, MirrorFault.Stall(3000));
        using var downloader = NewDownloader(TimeSpan.FromMilliseconds(200));
        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(new Uri(Upstream), new MemoryStream(), null, default));
        Assert.Equal(DownloadFailure.Timeout, error.Failure);
    }

    [Fact]
    public async Task UserCancellationIsNotATimeout()
    {
        _server.AlwaysFail(MirrorPath, MirrorFault.Stall(3000));
        using var downloader = NewDownloader();
        using var cancel = new CancellationTokenSource(200);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.DownloadAsync(new Uri(Upstream), new MemoryStream(), null, cancel.Token));
    }

    [Fact]
    public async Task MirrorCredentialsGoAsBasicAuthAndAreNeverShown()
    {
        _server.RequireBasicAuth("lab", "p@ss:word");
        var mirror = _server.Url.Replace("http://", "http://lab:p%40ss%3Aword@");
        using var downloader = new Downloader(DownloadMirror.Parse(mirror), _log);
        using var target = new MemoryStream();
        var content = await downloader.DownloadAsync(new Uri(Upstream), target, null, default);
        Assert.Equal(MirrorTree.Sha256(_content), content.Sha256);
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("lab:p@ss:word"));
        Assert.Equal(new[] { expected }, _server.Authorizations);
        Assert.Contains(_log.Messages, m => m.StartsWith("WARNING: ") && m.Contains("plain http"));
        Assert.DoesNotContain(_log.Messages, m => m.Contains("p%40ss") || m.Contains("p@ss") || m.Contains("lab:"));
        Assert.Equal(_server.Url + "dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl", downloader.SourceOf(new Uri(Upstream)));
    }

    [Fact]
    public async Task WrongMirrorCredentialsFailAtOnceWithAdvice()
    {
        _server.RequireBasicAuth("lab", "right");
        using var downloader = new Downloader(DownloadMirror.Parse(_server.Url.Replace("http://", "http://lab:wrong@")), _log);
        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(new Uri(Upstream), new MemoryStream(), null, default));
        Assert.Equal(DownloadFailure.HttpError, error.Failure);
        Assert.Contains("HTTP 401", error.Message);
        Assert.Contains("user:password@", error.Message);
        Assert.DoesNotContain("wrong", error.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task MirrorCredentialsAreNotSentOnToAnotherHostARedirectNames()
    {
        using var other = new LoopbackMirror(_tree.Root);
        _server.RequireBasicAuth("lab", "secret");
        _server.Redirect(MirrorPath, other.Url.TrimEnd('/') + MirrorPath);
        using var downloader = new Downloader(DownloadMirror.Parse(_server.Url.Replace("http://", "http://lab:secret@")), _log);
        var content = await downloader.DownloadAsync(new Uri(Upstream), new MemoryStream(), null, default);
        Assert.Equal(MirrorTree.Sha256(_content), content.Sha256);
        Assert.StartsWith("Basic ", Assert.Single(_server.Authorizations));
        Assert.Equal(new[] { string.Empty }, other.Authorizations);
    }

    [Fact]
    public async Task RedirectIsReportedNotFollowedForTheLatestRule()
    {
        _server.Redirect("/github.com/docker/compose/releases/latest", "https://github.com/docker/compose/releases/tag/v2.29.7");
        using var downloader = NewDownloader();
        Assert.Equal("https://github.com/docker/compose/releases/tag/v2.29.7", await downloader.ReadRedirectOrTextAsync(new Uri("https://github.com/docker/compose/releases/latest"), default));
    }

    [Fact]
    public async Task FolderMirrorServesTheSameTree()
    {
        using var downloader = new Downloader(DownloadMirror.Parse(_tree.Root), _log);
        using var target = new MemoryStream();
        var content = await downloader.DownloadAsync(new Uri(Upstream), target, null, default);
        Assert.Equal(MirrorTree.Sha256(_content), content.Sha256);
        var missing = await Assert.ThrowsAsync<DownloadException>(() => downloader.ReadTextAsync(new Uri("https://dl.k8s.io/release/stable.txt"), default));
        Assert.Equal(DownloadFailure.NotFound, missing.Failure);
        Assert.Contains(Path.Combine(_tree.Root, "dl.k8s.io/release/stable.txt"), missing.Message);
    }

    [Fact]
    public async Task ATextFileThatIsHugeIsRefused()
    {
        using var downloader = NewDownloader();
        _tree.Add("https://dl.k8s.io/release/stable.txt", new byte[2 * 1024 * 1024]);
        var error = await Assert.ThrowsAsync<DownloadException>(() => downloader.ReadTextAsync(new Uri("https://dl.k8s.io/release/stable.txt"), default));
        Assert.Equal(DownloadFailure.TooLarge, error.Failure);
    }
}
