using KubeLab;
using KubeLab.Processes;
using Xunit;

namespace KubeLab.Tests.Processes;

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
    public async Task AProgramStillOpenForWritingIsRunOnceTheWriterCloses()
    {
        // While any process holds an executable open for writing, exec fails with "text file busy" (ETXTBSY):
        // what a freshly installed binary meets when another thread forks at that moment.
        var dir = Directory.CreateTempSubdirectory("kubelab-busy-").FullName;
        try
        {
            var path = Path.Combine(dir, "tool");
            var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var script = System.Text.Encoding.ASCII.GetBytes("#!/bin/sh\necho ran\n");
            writer.Write(script, 0, script.Length);
            writer.Flush();
            File.SetUnixFileMode(path, (UnixFileMode)0x1ED);
            var closer = new Thread(() =>
            {
                Thread.Sleep(150);
                writer.Dispose();
            });
            closer.Start();

            var result = await new CliWrapCommandRunner(NullOperationLog.Instance).RunAsync(new CommandSpec(path), CancellationToken.None);

            closer.Join();
            Assert.Equal("ran\n", result.StandardOutput);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task AProgramThatStaysBusyFailsAsNotStartable()
    {
        var dir = Directory.CreateTempSubdirectory("kubelab-busy-").FullName;
        try
        {
            var path = Path.Combine(dir, "tool");
            using var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            File.SetUnixFileMode(path, (UnixFileMode)0x1ED);
            var error = await Assert.ThrowsAsync<ProgramNotFoundException>(() =>
                new CliWrapCommandRunner(NullOperationLog.Instance).RunAsync(new CommandSpec(path), CancellationToken.None));
            Assert.Contains("busy", error.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task CancellingAStillRunningCommandEndsTheWaitPromptly()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new CliWrapCommandRunner(NullOperationLog.Instance).RunAsync(new CommandSpec("sleep", "30"), cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task MissingProgramIsCommandNotFound()
    {
        var runner = new CliWrapCommandRunner(NullOperationLog.Instance);
        await Assert.ThrowsAsync<ProgramNotFoundException>(() =>
            runner.RunAsync(new CommandSpec("/nonexistent/kubelab-tool"), CancellationToken.None));
    }
}
