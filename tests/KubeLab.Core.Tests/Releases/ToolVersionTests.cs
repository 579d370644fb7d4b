using KubeLab.Releases;
using Xunit;

namespace KubeLab.Tests.Releases;

public sealed class ToolVersionTests
{
    [Theory]
    [InlineData("1.33.1", "v1.33.1")]
    [InlineData("v1.33.1", "v1.33.1")]
    [InlineData(" v5.8.1 ", "v5.8.1")]
    [InlineData("v1.34.0-beta.0", "v1.34.0-beta.0")]
    public void AcceptsWithOrWithoutV(string input, string shown) => Assert.Equal(shown, ToolVersion.Parse(input).ToString());

    [Theory]
    [InlineData("1.33")]
    [InlineData("latest")]
    [InlineData("v1.33.1; rm -rf /")]
    [InlineData("1.33.1/../../x")]
    [InlineData("")]
    public void RejectsAnythingElseNamingTheForm(string input)
    {
        var error = Assert.Throws<ArgumentException>(() => ToolVersion.Parse(input));
        Assert.Contains("1.33.1 or v1.33.1", error.Message);
    }

    [Fact]
    public void OrdersNumericallyAndReleasesAfterPrereleases()
    {
        Assert.True(ToolVersion.Parse("v1.10.0").CompareTo(ToolVersion.Parse("v1.9.9")) > 0);
        Assert.True(ToolVersion.Parse("v1.34.0").CompareTo(ToolVersion.Parse("v1.34.0-rc.1")) > 0);
        Assert.Equal(ToolVersion.Parse("1.2.3"), ToolVersion.Parse("v1.2.3"));
    }

    [Fact]
    public void FindsTheVersionInKustomizeV4Text() =>
        Assert.Equal("v4.5.7", ToolVersion.FindIn("{Version:kustomize/v4.5.7 GitCommit:56d82a83 BuildDate:2022-08-02T16:35:54Z GoOs:linux GoArch:amd64}")!.ToString());
}
