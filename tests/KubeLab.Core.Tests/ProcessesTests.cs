using KubeLab.Core;
using KubeLab.Core.Processes;
using Xunit;

namespace KubeLab.Core.Tests;

public class ProcessesTests
{
    [Fact]
    public void DisplayQuotesArgumentsThatAShellWouldSplit()
    {
        var spec = new CommandSpec("usermod", "-aG", "docker", "bob; rm -rf /", "it's");
        Assert.Equal("usermod -aG docker 'bob; rm -rf /' 'it'\\''s'", spec.Display);
    }

    [Fact]
    public async Task CliWrapRunnerReturnsExitCodeAndOutputWithoutThrowing()
    {
        var runner = new CliWrapCommandRunner(NullOperationLog.Instance);
        var result = await runner.RunAsync(new CommandSpec("sh", "-c", "echo out; echo err >&2; exit 3"), CancellationToken.None);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
    }

    [Fact]
    public async Task CliWrapRunnerPassesArgumentsVerbatim()
    {
        var runner = new CliWrapCommandRunner(NullOperationLog.Instance);
        var result = await runner.RunAsync(new CommandSpec("printf", "%s|", "a b", "$HOME", "'q'"), CancellationToken.None);
        Assert.Equal("a b|$HOME|'q'|", result.StandardOutput);
    }

    [Fact]
    public async Task MissingProgramIsCommandNotFound()
    {
        var runner = new CliWrapCommandRunner(NullOperationLog.Instance);
        await Assert.ThrowsAsync<CommandNotFoundException>(() =>
            runner.RunAsync(new CommandSpec("/nonexistent/kubelab-tool"), CancellationToken.None));
    }
}
