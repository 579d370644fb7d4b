using System.Collections.Generic;
using System.IO;
using KubeLab.FileSystem;

namespace KubeLab.Kubeconfig
{
    /// <summary>Creates missing folders with 0755, as client-go does for kubeconfig files, and removes them again when nothing was written.</summary>
    internal static class KubeConfigDirectories
    {
        /// <summary>Creates <paramref name="directory"/> and missing parents; adds the ones created to <paramref name="created"/>, outermost first.</summary>
        public static void Ensure(string? directory, List<string>? created = null)
        {
            if (string.IsNullOrEmpty(directory) || Directory.Exists(directory))
            {
                return;
            }

            Ensure(Path.GetDirectoryName(directory), created);
            Directory.CreateDirectory(directory!);
            UnixFileModes.Set(directory!, 0x1ED);
            created?.Add(directory!);
        }

        /// <summary>
        /// Removes folders from <paramref name="created"/> that are still empty, innermost first: an edit that failed (or
        /// changed nothing) leaves no ~/.kube behind, as kubectl leaves none when it fails.
        /// </summary>
        public static void RemoveIfEmpty(List<string> created)
        {
            for (var i = created.Count - 1; i >= 0; i--)
            {
                try
                {
                    if (Directory.Exists(created[i]) && Directory.GetFileSystemEntries(created[i]).Length == 0)
                    {
                        Directory.Delete(created[i]);
                    }
                }
                catch (IOException)
                {
                    // Best effort: a folder another process has just written into stays.
                }
                catch (System.UnauthorizedAccessException)
                {
                }
            }

            created.Clear();
        }
    }
}
