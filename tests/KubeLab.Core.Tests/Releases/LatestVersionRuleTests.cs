using KubeLab.Releases;
using Xunit;

namespace KubeLab.Tests.Releases;

public sealed class LatestVersionRuleTests
{
    [Fact]
    public async Task KubectlReadsStableTxt()
    {
        var reader = new FakeReader { ["https://dl.k8s.io/release/stable.txt"] = "v1.33.1\n" };
        Assert.Equal("v1.33.1", (await ToolCatalog.Get("kubectl").Latest.ResolveAsync(reader, default)).ToString());
    }

    [Fact]
    public async Task StableTxtWithSomethingElseFails()
    {
        var reader = new FakeReader { ["https://dl.k8s.io/release/stable.txt"] = "<html>captive portal</html>" };
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ToolCatalog.Get("kubectl").Latest.ResolveAsync(reader, default));
        Assert.Contains("stable.txt", error.Message);
    }

    [Theory]
    [InlineData("https://github.com/kubernetes-sigs/kustomize/releases/tag/kustomize%2Fv5.8.1")]
    [InlineData("kustomize/v5.8.1")]
    [InlineData("/kubernetes-sigs/kustomize/releases/tag/kustomize%2Fv5.8.1\n")]
    public async Task KustomizeTakesTheModulePrefixedTag(string answer)
    {
        var reader = new FakeReader { ["https://github.com/kubernetes-sigs/kustomize/releases/latest"] = answer };
        Assert.Equal("v5.8.1", (await ToolCatalog.Get("kustomize").Latest.ResolveAsync(reader, default)).ToString());
    }

    [Fact]
    public async Task KustomizeLatestBeingAnotherModuleAsksForVersion()
    {
        var reader = new FakeReader { ["https://github.com/kubernetes-sigs/kustomize/releases/latest"] = "https://github.com/kubernetes-sigs/kustomize/releases/tag/api%2Fv0.21.0" };
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ToolCatalog.Get("kustomize").Latest.ResolveAsync(reader, default));
        Assert.Contains("api/v0.21.0", error.Message);
        Assert.Contains("-Version", error.Message);
    }

    [Theory]
    [InlineData("minikube", "https://github.com/kubernetes/minikube/releases/latest", "https://github.com/kubernetes/minikube/releases/tag/v1.38.1", "v1.38.1")]
    [InlineData("docker-compose", "https://github.com/docker/compose/releases/latest", "v2.29.7", "v2.29.7")]
    public async Task GitHubToolsReadTheLatestTag(string tool, string url, string answer, string expected)
    {
        var reader = new FakeReader { [url] = answer };
        Assert.Equal(expected, (await ToolCatalog.Get(tool).Latest.ResolveAsync(reader, default)).ToString());
    }

    private sealed class FakeReader : Dictionary<string, string>, IReleaseReader
    {
        public Task<string> ReadTextAsync(Uri upstreamUrl, CancellationToken cancellationToken) => Task.FromResult(this[upstreamUrl.AbsoluteUri]);

        public Task<string> ReadRedirectOrTextAsync(Uri upstreamUrl, CancellationToken cancellationToken) => Task.FromResult(this[upstreamUrl.AbsoluteUri]);
    }
}
