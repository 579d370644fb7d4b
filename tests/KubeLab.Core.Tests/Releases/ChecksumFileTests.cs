using KubeLab.Releases;
using Xunit;

namespace KubeLab.Tests.Releases;

public sealed class ChecksumFileTests
{
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void KubectlFileIsTheBareHash() =>
        Assert.Equal(HashA, ChecksumFile.FindHash(HashA, ChecksumFormat.HexOnly, "kubectl", "u"));

    [Fact]
    public void ComposePerAssetFileComparesFieldOneOnly() =>
        Assert.Equal(HashB.ToLowerInvariant(), ChecksumFile.FindHash($"{HashB} *docker-compose-linux-x86_64\n", ChecksumFormat.HexOnly, "docker-compose-linux-x86_64", "u"));

    [Theory]
    [InlineData("  ")]
    [InlineData(" *")]
    public void SumListFindsTheAssetLine(string separator)
    {
        var text = $"{HashA}{separator}kustomize_v5.8.1_linux_arm64.tar.gz\n{HashB}{separator}kustomize_v5.8.1_linux_amd64.tar.gz\n";
        Assert.Equal(HashB.ToLowerInvariant(), ChecksumFile.FindHash(text, ChecksumFormat.SumList, "kustomize_v5.8.1_linux_amd64.tar.gz", "u"));
    }

    [Fact]
    public void SumListWithoutTheAssetSaysWhichFileAndAsset()
    {
        var error = Assert.Throws<FormatException>(() =>
            ChecksumFile.FindHash($"{HashA}  kustomize_v5.8.1_linux_arm64.tar.gz\n", ChecksumFormat.SumList, "kustomize_v5.8.1_linux_amd64.tar.gz", "https://x/checksums.txt"));
        Assert.Contains("https://x/checksums.txt", error.Message);
        Assert.Contains("kustomize_v5.8.1_linux_amd64.tar.gz", error.Message);
    }

    [Theory]
    [InlineData("<html>Not Found</html>")]
    [InlineData("abc123")]
    [InlineData("")]
    public void HexOnlyRejectsAnythingButAHash(string content) =>
        Assert.Throws<FormatException>(() => ChecksumFile.FindHash(content, ChecksumFormat.HexOnly, "kubectl", "u"));
}
