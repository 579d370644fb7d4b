using KubeLab.Core.Install;
using Xunit;

namespace KubeLab.Core.Tests.Install;

[Collection("Environment")] // changes PATH for the process
public sealed class ToolDestinationTests
{
    [Fact]
    public void DefaultIsUsrLocalBinForRootAndLocalBinOtherwise()
    {
        var expected = Environment.UserName == "root" ? "/usr/local/bin" : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/bin");
        Assert.Equal(expected, ToolDestination.Resolve(null));
        Assert.Equal("/opt/tools", ToolDestination.Resolve("/opt/tools/"[..^1]));
    }

    [Fact]
    public void OnPathComparesFullPathsIgnoringTrailingSlashes()
    {
        var saved = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", "/usr/bin:/opt/tools/::/bin");
            Assert.True(ToolDestination.IsOnPath("/opt/tools"));
            Assert.True(ToolDestination.IsOnPath("/usr/bin/"));
            Assert.False(ToolDestination.IsOnPath("/opt/tool"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", saved);
        }
    }
}
