namespace KubeLab.Tests.Support;

/// <summary>A real tmpfs over a folder (the suite runs as root, as CI does): a full disk or a read-only destination.</summary>
public sealed class Tmpfs : IDisposable
{
    private readonly string _folder;

    public Tmpfs(string folder, string options)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        MirrorTree.Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder);
    }

    public void Dispose() => MirrorTree.Run("umount", _folder);
}
