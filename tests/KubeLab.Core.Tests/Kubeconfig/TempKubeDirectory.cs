using System.Text;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>A throw-away folder that stands in for HOME, so no test ever sees the real ~/.kube/config.</summary>
internal sealed class TempKubeDirectory : IDisposable
{
    public TempKubeDirectory(string prefix = "kubelab-kc-") => Root = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a file (creating folders) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test that passed.
        }
    }
}
