using System;
using System.Collections.Concurrent;
using System.IO;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// Parsed files kept for Read() while their size and modification time stay the same, because parsing a large
    /// kubeconfig (hundreds of contexts with certificate data) costs far more than the rest of a read. Only files that
    /// had been unchanged for a while when read are kept: a second write within the same coarse timestamp tick would
    /// otherwise look unchanged (git's "racy" file rule). Edits never use this: they re-read under the locks, and
    /// they are the only code that changes a parsed tree, so cached trees are never mutated.
    /// </summary>
    internal static class ParsedFileCache
    {
        private const int Capacity = 32;
        private static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);
        private static readonly ConcurrentDictionary<string, (long Length, long Ticks, KubeConfigFile File)> Files =
            new ConcurrentDictionary<string, (long, long, KubeConfigFile)>(KubeConfigLocation.PathComparer);

        public static KubeConfigFile Load(string path)
        {
            var readStart = DateTime.UtcNow;
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                Files.TryRemove(path, out _);
                return KubeConfigFile.Load(path);
            }

            var length = info.Length;
            var written = info.LastWriteTimeUtc;
            if (Files.TryGetValue(path, out var cached) && cached.Length == length && cached.Ticks == written.Ticks)
            {
                return cached.File;
            }

            // Stat first, parse second: if the file is replaced in between, the newer content is stored under the
            // older stamp, which the next read sees as a mismatch. Never the other way round.
            var file = KubeConfigFile.Load(path);
            if (readStart - written > Settled)
            {
                if (Files.Count >= Capacity)
                {
                    Files.Clear();
                }

                Files[path] = (length, written.Ticks, file);
            }

            return file;
        }
    }
}
