using System;
using System.Collections.Generic;
using System.IO;

namespace KubeLab.Docker
{
    /// <summary>
    /// Installed packages and their versions from dpkg's database (/var/lib/dpkg/status, deb822 stanzas), read
    /// directly: no process, and cached while the file is unchanged, so asking again in a session is free.
    /// </summary>
    public sealed class DpkgStatus
    {
        public const string DefaultPath = "/var/lib/dpkg/status";

        private static readonly object CacheLock = new object();
        private static (string Path, DateTime Modified, long Length, DpkgStatus Status)? _cache;

        private readonly Dictionary<string, string> _installed;

        private DpkgStatus(Dictionary<string, string> installed)
        {
            _installed = installed;
        }

        /// <summary>An empty database (a system without dpkg).</summary>
        public static DpkgStatus Empty { get; } = new DpkgStatus(new Dictionary<string, string>(StringComparer.Ordinal));

        /// <summary>The installed version of a package ("install ok installed"), or null.</summary>
        public string? VersionOf(string package) => _installed.TryGetValue(package, out var version) ? version : null;

        public bool IsInstalled(string package) => _installed.ContainsKey(package);

        public static DpkgStatus Load(string path = DefaultPath)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return Empty;
            }

            lock (CacheLock)
            {
                if (_cache is { } cached && cached.Path == path && cached.Modified == file.LastWriteTimeUtc && cached.Length == file.Length)
                {
                    return cached.Status;
                }
            }

            var status = Parse(File.ReadAllText(path));
            lock (CacheLock)
            {
                _cache = (path, file.LastWriteTimeUtc, file.Length, status);
            }

            return status;
        }

        public static DpkgStatus Parse(string text)
        {
            var installed = new Dictionary<string, string>(StringComparer.Ordinal);
            string? package = null, version = null, state = null;

            void Flush()
            {
                if (package != null && version != null && state != null && state.EndsWith(" installed", StringComparison.Ordinal) && state.StartsWith("install ", StringComparison.Ordinal))
                {
                    installed[package] = version;
                }

                package = version = state = null;
            }

            foreach (var raw in text.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (line.Length == 0)
                {
                    Flush();
                    continue;
                }

                if (line[0] == ' ' || line[0] == '\t')
                {
                    continue;
                }

                if (line.StartsWith("Package: ", StringComparison.Ordinal))
                {
                    package = line.Substring(9).Trim();
                }
                else if (line.StartsWith("Version: ", StringComparison.Ordinal))
                {
                    version = line.Substring(9).Trim();
                }
                else if (line.StartsWith("Status: ", StringComparison.Ordinal))
                {
                    state = line.Substring(8).Trim();
                }
            }

            Flush();
            return new DpkgStatus(installed);
        }

        /// <summary>
        /// Whether an apt version matches what the user asked for, the way get.docker.com picks from
        /// `apt-cache madison`: the whole string (5:29.4.0-1~debian.12~bookworm), or the upstream version
        /// without epoch and Debian revision (29.4.0), or a prefix of it at a dot (29.4, 29).
        /// </summary>
        public static bool VersionMatches(string aptVersion, string requested)
        {
            var wanted = requested.Trim();
            if (wanted.Length == 0)
            {
                return true;
            }

            if (string.Equals(aptVersion, wanted, StringComparison.Ordinal))
            {
                return true;
            }

            var upstream = UpstreamVersion(aptVersion);
            if (wanted.StartsWith("v", StringComparison.Ordinal) && wanted.Length > 1 && char.IsDigit(wanted[1]))
            {
                wanted = wanted.Substring(1);
            }

            return upstream == wanted || upstream.StartsWith(wanted + ".", StringComparison.Ordinal) || upstream.StartsWith(wanted + "+", StringComparison.Ordinal) || upstream.StartsWith(wanted + "~", StringComparison.Ordinal);
        }

        /// <summary>5:29.4.0-1~debian.12~bookworm to 29.4.0; 20.10.24+dfsg1-1+deb12u1 to 20.10.24+dfsg1.</summary>
        public static string UpstreamVersion(string aptVersion)
        {
            var colon = aptVersion.IndexOf(':');
            var rest = colon >= 0 ? aptVersion.Substring(colon + 1) : aptVersion;
            var dash = rest.LastIndexOf('-');
            return dash > 0 ? rest.Substring(0, dash) : rest;
        }
    }
}
