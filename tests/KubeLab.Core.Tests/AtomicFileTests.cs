using System.Text;
using KubeLab.FileSystem;
using Xunit;

namespace KubeLab.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubelab-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void NewFileGetsTheRequestedMode()
    {
        var path = Path.Combine(_dir, "config");
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes("a: 1\n"), 0x180);
        Assert.Equal("a: 1\n", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void ExistingFileKeepsItsMode()
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes("new"), 0x180);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task FailedWriteLeavesTargetAndNoTempFile()
    {
        var path = Path.Combine(_dir, "tool");
        File.WriteAllText(path, "previous");
        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, 0x1ED, forceMode: true, async (stream, token) =>
        {
            await stream.WriteAsync(new byte[] { 1, 2, 3 }, token);
            throw new IOException("truncated body");
        }, CancellationToken.None));
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir));
    }
}
