using System;
using System.Collections.Generic;
using System.IO;

namespace KubeLab.Host
{
    /// <summary>
    /// /etc/os-release: which distribution and release this is (shell-like KEY=value lines with optional single or
    /// double quotes). Read by the host checks and by the Docker repository plan.
    /// </summary>
    public sealed class OsRelease
    {
        /// <summary>The standard location; /usr/lib/os-release is the fallback the spec names.</summary>
        public static readonly string[] DefaultPaths = { "/etc/os-release", "/usr/lib/os-release" };

        private readonly IReadOnlyDictionary<string, string> _fields;

        private OsRelease(IReadOnlyDictionary<string, string> fields)
        {
            _fields = fields;
        }

        public string Id => Get("ID") ?? "linux";

        public IReadOnlyList<string> IdLike => (Get("ID_LIKE") ?? string.Empty).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);

        public string? VersionId => Get("VERSION_ID");

        public string? VersionCodename => Get("VERSION_CODENAME");

        /// <summary>Set by Ubuntu and its derivatives (Linux Mint, Pop!_OS, elementary ...): the Ubuntu release underneath.</summary>
        public string? UbuntuCodename => Get("UBUNTU_CODENAME");

        /// <summary>Set by some Debian derivatives (e.g. LMDE, Kali): the Debian release underneath.</summary>
        public string? DebianCodename => Get("DEBIAN_CODENAME");

        public string PrettyName => Get("PRETTY_NAME") ?? Get("NAME") ?? Id;

        public string? Get(string key) => _fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

        /// <summary>The first os-release file that exists, parsed; null when none does.</summary>
        public static OsRelease? Load(IEnumerable<string>? paths = null)
        {
            foreach (var path in paths ?? DefaultPaths)
            {
                if (File.Exists(path))
                {
                    return Parse(File.ReadAllText(path));
                }
            }

            return null;
        }

        public static OsRelease Parse(string text)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                fields[line.Substring(0, equals)] = Unquote(line.Substring(equals + 1));
            }

            return new OsRelease(fields);
        }

        private static string Unquote(string value)
        {
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                var inner = value.Substring(1, value.Length - 2);
                return value[0] == '"' ? inner.Replace("\\\"", "\"").Replace("\\$", "$").Replace("\\`", "`").Replace("\\\\", "\\") : inner;
            }

            return value;
        }
    }
}
