using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// Every file of the loading precedence, merged the way client-go does: the first file that defines a name wins
    /// with its whole entry, and the first non-empty current-context wins. Lookups run live over the files, so an
    /// edit (a deletion letting a later same-named entry show through) is seen at once.
    /// </summary>
    internal sealed class MergedView
    {
        private MergedView(IReadOnlyList<KubeConfigFile> files) => Files = files;

        public IReadOnlyList<KubeConfigFile> Files { get; }

        public string? CurrentContext => Files.Select(f => f.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c));

        /// <summary>Parses each file at most once; several files are parsed in parallel.</summary>
        /// <param name="forReading">True for Read(): unchanged files may come from <see cref="ParsedFileCache"/>. Edits pass false and get their own trees.</param>
        public static MergedView Load(KubeConfigLocation location, bool forReading)
        {
            location.EnsureExplicitFileExists();
            var paths = location.Precedence;
            var files = new KubeConfigFile[paths.Count];
            Func<string, KubeConfigFile> load = forReading ? ParsedFileCache.Load : (Func<string, KubeConfigFile>)KubeConfigFile.Load;
            if (paths.Count == 1)
            {
                files[0] = load(paths[0]);
            }
            else
            {
                try
                {
                    Parallel.For(0, paths.Count, i => files[i] = load(paths[i]));
                }
                catch (AggregateException ex)
                {
                    // Report the first file in precedence order that failed, as a sequential load would.
                    throw ex.InnerExceptions.OfType<KubeConfigException>()
                        .OrderBy(e => IndexOf(paths, e.File))
                        .FirstOrDefault() ?? (Exception)ex.InnerExceptions[0];
                }
            }

            return new MergedView(files);
        }

        /// <summary>The entry that wins for this name, or null.</summary>
        public KubeConfigEntry? Find(EntryKind kind, string name)
        {
            foreach (var file in Files)
            {
                if (file.Find(kind, name) is KubeConfigEntry entry)
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>The winning entries, in the order their names first appear in the chain.</summary>
        public IEnumerable<KubeConfigEntry> Entries(EntryKind kind)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Files)
            {
                foreach (var entry in file.Entries(kind))
                {
                    if (seen.Add(entry.Name))
                    {
                        yield return entry;
                    }
                }
            }
        }

        /// <summary>The loaded file for a path of the precedence (DefaultFile always is one).</summary>
        public KubeConfigFile FileAt(string path) =>
            Files.FirstOrDefault(f => KubeConfigLocation.PathComparer.Equals(f.Path, path))
            ?? throw new InvalidOperationException($"{path} is not in the loading precedence.");

        private static int IndexOf(IReadOnlyList<string> paths, string? path)
        {
            for (var i = 0; i < paths.Count; i++)
            {
                if (paths[i] == path)
                {
                    return i;
                }
            }

            return int.MaxValue;
        }
    }
}
