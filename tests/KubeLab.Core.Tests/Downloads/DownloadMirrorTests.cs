using KubeLab.Tools;
using Xunit;
using KubeLab.Downloads;

namespace KubeLab.Tests.Downloads;

public sealed class DownloadMirrorTests
{
    [Fact]
    public void HttpMirrorPrefixesHostAndKeepsThePathEncoded()
    {
        var mirror = DownloadMirror.Parse("http://127.0.0.1:8080/kubelab")!;
        var mapped = mirror.Map(new Uri("https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/checksums.txt"));
        Assert.Equal("http://127.0.0.1:8080/kubelab/github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/checksums.txt", mapped.AbsoluteUri);
    }

    [Fact]
    public void FolderMirrorDecodesThePathAsAWebServerWould()
    {
        var mirror = DownloadMirror.Parse("/tmp")!;
        var mapped = mirror.Map(new Uri("https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/checksums.txt"));
        Assert.True(mapped.IsFile);
        Assert.Equal("/tmp/github.com/kubernetes-sigs/kustomize/releases/download/kustomize/v5.8.1/checksums.txt", mapped.LocalPath);
    }

    [Theory]
    [InlineData("ftp://mirror/")]
    [InlineData("relative/folder")]
    [InlineData("/no/such/folder/kubelab")]
    public void RejectsWhatIsNeitherHttpNorAFolder(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => DownloadMirror.Parse(value));
        Assert.Contains("KUBELAB_MIRROR", error.Message);
    }

    [Fact]
    public void DisplayNeverShowsCredentials()
    {
        var shown = DownloadMirror.Display(new Uri("https://user:s3cret@mirror.example/dl.k8s.io/release/stable.txt?token=abc"));
        Assert.DoesNotContain("s3cret", shown);
        Assert.DoesNotContain("abc", shown);
        Assert.StartsWith("https://mirror.example/dl.k8s.io/release/stable.txt", shown);
    }

    [Fact]
    public void ParameterWinsOverEnvironment()
    {
        Environment.SetEnvironmentVariable(DownloadMirror.EnvironmentVariable, "http://127.0.0.1:1/env");
        try
        {
            Assert.StartsWith("http://127.0.0.1:1/env/", DownloadMirror.FromParameterOrEnvironment(null)!.Map(new Uri("https://dl.k8s.io/x")).AbsoluteUri);
            Assert.StartsWith("http://127.0.0.1:2/", DownloadMirror.FromParameterOrEnvironment("http://127.0.0.1:2")!.Map(new Uri("https://dl.k8s.io/x")).AbsoluteUri);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DownloadMirror.EnvironmentVariable, null);
        }
    }
}
