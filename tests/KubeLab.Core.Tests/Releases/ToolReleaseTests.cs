using KubeLab.Releases;
using Xunit;
using KubeLab.Host;

namespace KubeLab.Tests.Releases;

public sealed class ToolReleaseTests
{
    private static readonly HostPlatform Amd64 = new("linux", "amd64");
    private static readonly HostPlatform Arm64 = new("linux", "arm64");
    private static readonly ToolVersion V = ToolVersion.Parse("1.33.1");

    [Fact]
    public void KubectlBinaryHasReleaseInThePathAndItsChecksumDoesNot()
    {
        var artifact = ToolCatalog.Get("kubectl").ArtifactFor(V, Arm64);
        Assert.Equal("https://dl.k8s.io/release/v1.33.1/bin/linux/arm64/kubectl", artifact.Url.ToString());
        Assert.Equal("https://dl.k8s.io/release/v1.33.1/bin/linux/arm64/kubectl.sha256", artifact.ChecksumUrl.ToString());
        Assert.Equal(ChecksumFormat.HexOnly, artifact.ChecksumFormat);
        Assert.Null(artifact.ArchiveEntry);
    }

    [Fact]
    public void KustomizeTagSlashIsEncodedAndTheBinaryComesFromTheArchive()
    {
        var artifact = ToolCatalog.Get("kustomize").ArtifactFor(ToolVersion.Parse("5.8.1"), Amd64);
        Assert.Equal("https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/kustomize_v5.8.1_linux_amd64.tar.gz", artifact.Url.AbsoluteUri);
        Assert.Equal("https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2Fv5.8.1/checksums.txt", artifact.ChecksumUrl.AbsoluteUri);
        Assert.Equal("kustomize", artifact.ArchiveEntry);
        Assert.Equal(ChecksumFormat.SumList, artifact.ChecksumFormat);
    }

    [Theory]
    [InlineData("amd64", "x86_64")]
    [InlineData("arm64", "aarch64")]
    [InlineData("s390x", "s390x")]
    public void ComposeUsesItsOwnArchitectureNames(string goArch, string composeArch)
    {
        var artifact = ToolCatalog.Get("docker-compose").ArtifactFor(ToolVersion.Parse("2.29.7"), new HostPlatform("linux", goArch));
        Assert.Equal($"https://github.com/docker/compose/releases/download/v2.29.7/docker-compose-linux-{composeArch}", artifact.Url.ToString());
        Assert.Equal(artifact.Url + ".sha256", artifact.ChecksumUrl.ToString());
    }

    [Fact]
    public void MinikubeBinaryAndBareHashFromItsRelease()
    {
        var artifact = ToolCatalog.Get("minikube").ArtifactFor(ToolVersion.Parse("v1.38.1"), Amd64);
        Assert.Equal("https://github.com/kubernetes/minikube/releases/download/v1.38.1/minikube-linux-amd64", artifact.Url.ToString());
        Assert.Equal(ChecksumFormat.HexOnly, artifact.ChecksumFormat);
    }

    [Theory]
    [InlineData("kubectl", "linux", "s390x")]
    [InlineData("kustomize", "linux", "riscv64")]
    [InlineData("minikube", "windows", "amd64")]
    [InlineData("docker-compose", "linux", "386")]
    public void UnsupportedPlatformsFailClearly(string tool, string os, string arch)
    {
        var error = Assert.Throws<PlatformNotSupportedException>(() => ToolCatalog.Get(tool).ArtifactFor(V, new HostPlatform(os, arch)));
        Assert.Contains($"{os}/{arch}", error.Message);
    }

    [Theory]
    [InlineData("X64", "amd64")]
    [InlineData("Arm64", "arm64")]
    [InlineData("S390x", "s390x")]
    [InlineData("Ppc64le", "ppc64le")]
    public void DotnetArchitecturesMapToGoNames(string dotnet, string go) => Assert.Equal(go, HostPlatform.ToGoArchitecture(dotnet));

    [Fact]
    public void UnknownToolNamesTheValidOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => ToolCatalog.Get("helm"));
        Assert.Contains("kubectl, kustomize, minikube, docker-compose", error.Message);
    }
}
