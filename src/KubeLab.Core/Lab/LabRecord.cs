using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using KubeLab.FileSystem;
using KubeLab.Tools;

namespace KubeLab.Lab
{
    /// <summary>
    /// What Install-KubeLab did to this machine beyond the tools (which have their own install records): host checks
    /// that passed (and failures accepted with -Force), Docker installed by the lab, the user it put in the docker
    /// group. Uninstall-KubeLab reads it to undo only what KubeLab did. One "key&lt;TAB&gt;value" line per fact, in
    /// the state folder (lab.tsv), written atomically.
    /// </summary>
    public sealed class LabRecord
    {
        public const string HostChecksKey = "host-checks";
        public const string DockerKey = "docker";
        public const string DockerGroupKey = "docker-group";

        private static readonly object Gate = new object();
        private readonly string _path;

        /// <param name="stateFolder">KubeLab's state folder; default <see cref="InstallRecords.DefaultStateFolder"/>.</param>
        public LabRecord(string? stateFolder = null)
        {
            _path = Path.Combine(stateFolder ?? InstallRecords.DefaultStateFolder(), "lab.tsv");
        }

        public string Location => _path;

        public string? Get(string key) => ReadAll().TryGetValue(key, out var value) ? value : null;

        public void Set(string key, string value) => Update(all => all[key] = value);

        public void Remove(string key) => Update(all => all.Remove(key));

        private void Update(Action<Dictionary<string, string>> change)
        {
            // Steps that overlap (Docker and the tools) may record at the same time.
            lock (Gate)
            {
                var all = ReadAll();
                change(all);
                if (all.Count == 0)
                {
                    File.Delete(_path);
                    return;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                var text = string.Concat(all.Select(pair => pair.Key + "\t" + pair.Value + "\n"));
                AtomicFile.WriteAllBytes(_path, Encoding.UTF8.GetBytes(text), Convert.ToInt32("644", 8));
            }
        }

        private Dictionary<string, string> ReadAll()
        {
            var all = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!File.Exists(_path))
            {
                return all;
            }

            foreach (var line in File.ReadAllLines(_path))
            {
                var tab = line.IndexOf('\t');
                if (tab > 0)
                {
                    all[line.Substring(0, tab)] = line.Substring(tab + 1);
                }
            }

            return all;
        }
    }
}
