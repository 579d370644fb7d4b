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

namespace KubeLab.Tools
{
    /// <summary>
    /// Which binaries in a destination folder KubeLab placed, kept in DESTINATION/.kubelab-tools: one line per
    /// tool, "name&lt;TAB&gt;sha256&lt;TAB&gt;version&lt;TAB&gt;source". It lives beside the binaries so it works for any
    /// -Destination with no extra privileges, holds nothing secret, and records the hash so that a file replaced
    /// since (by apt, by hand) is never taken for KubeLab's.
    /// </summary>
    public sealed class InstallRecords
    {
        public const string FileName = ".kubelab-tools";

        // Parallel installs into one folder run in one process; they take turns rewriting the file.
        private static readonly SemaphoreSlim Gate = new SemaphoreSlim(1, 1);

        private readonly string _path;

        public InstallRecords(string destination)
        {
            _path = Path.Combine(destination, FileName);
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

        private async Task UpdateAsync(Func<IEnumerable<InstallRecord>, IEnumerable<InstallRecord>> change, CancellationToken cancellationToken)
        {
            await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var records = change(ReadAll()).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
                var text = new StringBuilder("# Tools KubeLab installed in this folder: name, sha256, version, source. Uninstall-KubeLabTool reads it.\n");
                foreach (var r in records)
                {
                    text.Append(r.Name).Append('\t').Append(r.Sha256).Append('\t').Append(r.Version).Append('\t').Append(r.Source).Append('\n');
                }

                await AtomicFile.WriteAsync(_path, 0x1A4, forceMode: false, (stream, token) =>
                {
                    var bytes = Encoding.UTF8.GetBytes(text.ToString());
                    return stream.WriteAsync(bytes, 0, bytes.Length, token);
                }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Gate.Release();
            }
        }

        private List<InstallRecord> ReadAll()
        {
            if (!File.Exists(_path))
            {
                return new List<InstallRecord>();
            }

            return File.ReadAllLines(_path)
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
