using KubeLab.Processes;
using KubeLab.Tests.Support;
using KubeLab.Tools;
using Xunit;

namespace KubeLab.Tests.Tools;

[Collection("Environment")] // changes PATH for the process
public sealed class ToolDestinationTests
{
    [Fact]
    public void DefaultIsUsrLocalBinForRootAndLocalBinOtherwise()
    {
        var runner = new RecordingCommandRunner(_ => throw new InvalidOperationException("nothing runs"));
        var root = new SystemIdentity(runner, 0, null, "root", "/root");
        var user = new SystemIdentity(runner, 1000, null, "ana", "/home/ana");
        Assert.Equal("/usr/local/bin", ToolDestination.Resolve(null, root));
        Assert.Equal("/home/ana/.local/bin", ToolDestination.Resolve(null, user));
        Assert.Equal("/opt/tools", ToolDestination.Resolve("/opt/tools/"[..^1], user));
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
