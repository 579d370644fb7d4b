using System;
using System.IO;
using System.Linq;
using KubeLab.Processes;

namespace KubeLab.Tools
{
    /// <summary>Where binaries go when -Destination is not given: /usr/local/bin for root, ~/.local/bin otherwise.</summary>
    public static class ToolDestination
    {
        public static string DefaultFor(SystemIdentity identity) =>
            identity.IsRoot ? "/usr/local/bin" : Path.Combine(identity.Home, ".local", "bin");

        /// <summary>The folder as an absolute path, or the default for this identity when none was given.</summary>
        public static string Resolve(string? destination, SystemIdentity identity) =>
            string.IsNullOrWhiteSpace(destination) ? DefaultFor(identity) : Path.GetFullPath(destination);

        /// <summary>Whether commands in this folder are found by name (the caller warns when not).</summary>
        public static bool IsOnPath(string folder)
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            var wanted = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
            return path.Split(Path.PathSeparator)
                .Where(p => p.Length > 0)
                .Any(p => string.Equals(SafeFullPath(p).TrimEnd(Path.DirectorySeparatorChar), wanted, StringComparison.Ordinal));
        }

        private static string SafeFullPath(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (ArgumentException)
            {
                return path;
            }
        }

    }
}
