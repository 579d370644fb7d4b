using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.FileSystem;
using KubeLab.Downloads;
using KubeLab.Processes;

namespace KubeLab.Tools
{
    /// <summary>
    /// Which binaries in a destination folder KubeLab placed: one line per tool, "name&lt;TAB&gt;sha256&lt;TAB&gt;version
    /// &lt;TAB&gt;source", recording the hash so that a file replaced since (by apt, by hand) is never taken for
    /// KubeLab's. Kept where Linux keeps state (/var/lib/kubelab as root, $XDG_STATE_HOME/kubelab otherwise; or
    /// $KUBELAB_STATE_HOME), one file per destination folder. Records that older versions kept beside the binaries
    /// (DESTINATION/.kubelab-tools) are still read, and move to the state folder on the next change.
    /// </summary>
    public sealed class InstallRecords
    {
        /// <summary>Where older versions kept the records: beside the binaries.</summary>
        public const string LegacyFileName = ".kubelab-tools";

        /// <summary>Overrides the state folder (tests, or a system that keeps state elsewhere).</summary>
        public const string StateHomeVariable = "KUBELAB_STATE_HOME";

        // Parallel installs into one folder run in one process; they take turns rewriting the file.
        private static readonly SemaphoreSlim Gate = new SemaphoreSlim(1, 1);

        private readonly string _path;
        private readonly string _legacyPath;

        /// <param name="stateFolder">KubeLab's state folder; default <see cref="DefaultStateFolder"/>.</param>
        public InstallRecords(string destination, string? stateFolder = null)
        {
            // Keyed by the destination's full path, escaped into one readable file name (usr%2Flocal%2Fbin.tsv).
            var key = Uri.EscapeDataString(Path.GetFullPath(destination).Trim(Path.DirectorySeparatorChar));
            if (key.Length == 0 || key.Length > 200)
            {
                // The root folder, or a path too long for one file name (255 bytes): its hash instead.
                key = HashText(Path.GetFullPath(destination));
            }

            _path = Path.Combine(stateFolder ?? DefaultStateFolder(), "tools", key + ".tsv");
            _legacyPath = Path.Combine(destination, LegacyFileName);
        }

        /// <summary>The file that holds this destination's records.</summary>
        public string Location => _path;

        /// <summary>$KUBELAB_STATE_HOME, else /var/lib/kubelab for root, else $XDG_STATE_HOME/kubelab (~/.local/state/kubelab).</summary>
        public static string DefaultStateFolder() => StateFolderFor(
            Environment.GetEnvironmentVariable(StateHomeVariable),
            UserDatabase.EffectiveUserId() == 0,
            Environment.GetEnvironmentVariable("XDG_STATE_HOME"),
            HomeDirectory.Find());

        /// <summary>The rule behind <see cref="DefaultStateFolder"/>, from the facts it reads.</summary>
        public static string StateFolderFor(string? overridden, bool isRoot, string? xdgStateHome, string home)
        {
            if (!string.IsNullOrEmpty(overridden))
            {
                return overridden!;
            }

            if (isRoot)
            {
                return "/var/lib/kubelab";
            }

            return Path.Combine(string.IsNullOrEmpty(xdgStateHome) ? Path.Combine(home, ".local", "state") : xdgStateHome!, "kubelab");
        }

        public InstallRecord? Find(string name) => ReadAll().FirstOrDefault(r => r.Name == name);

        public async Task SetAsync(InstallRecord record, CancellationToken cancellationToken)
        {
            await UpdateAsync(records => records.Where(r => r.Name != record.Name).Concat(new[] { record }), cancellationToken).ConfigureAwait(false);
        }

        public Task RemoveAsync(string name, CancellationToken cancellationToken) =>
            UpdateAsync(records => records.Where(r => r.Name != name), cancellationToken);

        /// <summary>SHA-256 of a file on disk, lower-case hex.</summary>
        public static string HashFile(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920))
            using (var sha = SHA256.Create())
            {
                return Downloader.ToHex(sha.ComputeHash(stream));
            }
        }

        private static string HashText(string text)
        {
            using (var sha = SHA256.Create())
            {
                return Downloader.ToHex(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
            }
        }

        private async Task UpdateAsync(Func<IEnumerable<InstallRecord>, IEnumerable<InstallRecord>> change, CancellationToken cancellationToken)
        {
            await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var records = change(ReadAll()).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
                var text = new StringBuilder($"# Tools KubeLab installed in {Path.GetDirectoryName(_legacyPath)}: name, sha256, version, source. Uninstall-KubeLabTool reads it.\n");
                foreach (var r in records)
                {
                    text.Append(r.Name).Append('\t').Append(r.Sha256).Append('\t').Append(r.Version).Append('\t').Append(r.Source).Append('\n');
                }

                Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                await AtomicFile.WriteAsync(_path, 0x1A4, forceMode: false, (stream, token) =>
                {
                    var bytes = Encoding.UTF8.GetBytes(text.ToString());
                    return stream.WriteAsync(bytes, 0, bytes.Length, token);
                }, cancellationToken).ConfigureAwait(false);

                // Its records now live in the state folder: the old file beside the binaries has done its job.
                File.Delete(_legacyPath);
            }
            finally
            {
                Gate.Release();
            }
        }

        private List<InstallRecord> ReadAll()
        {
            var path = File.Exists(_path) ? _path : _legacyPath;
            if (!File.Exists(path))
            {
                return new List<InstallRecord>();
            }

            return File.ReadAllLines(path)
                .Where(line => line.Length > 0 && line[0] != '#')
                .Select(line => line.Split('\t'))
                .Where(fields => fields.Length == 4)
                .Select(fields => new InstallRecord(fields[0], fields[1], fields[2], fields[3]))
                .ToList();
        }
    }

    /// <summary>One binary KubeLab placed.</summary>
    public sealed class InstallRecord
    {
        public InstallRecord(string name, string sha256, string version, string source)
        {
            Name = name;
            Sha256 = sha256;
            Version = version;
            Source = source;
        }

        public string Name { get; }

        public string Sha256 { get; }

        public string Version { get; }

        public string Source { get; }
    }
}
