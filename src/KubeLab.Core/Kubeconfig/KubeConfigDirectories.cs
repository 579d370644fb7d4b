using System.IO;
using KubeLab.FileSystem;

namespace KubeLab.Kubeconfig
{
    /// <summary>Creates missing folders with 0755, as client-go does for kubeconfig files.</summary>
    internal static class KubeConfigDirectories
    {
        public static void Ensure(string? directory)
        {
            if (string.IsNullOrEmpty(directory) || Directory.Exists(directory))
            {
                return;
            }

            Ensure(Path.GetDirectoryName(directory));
            Directory.CreateDirectory(directory!);
            UnixFileModes.Set(directory!, 0x1ED);
        }
    }
}
