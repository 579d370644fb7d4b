using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace KubeLab.Core.Install
{
    /// <summary>Where binaries go when -Destination is not given: /usr/local/bin for root, ~/.local/bin otherwise.</summary>
    public static class ToolDestination
    {
        public static string Default => IsRoot ? "/usr/local/bin" : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "bin");

        public static bool IsRoot => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? false : NativeMethods.geteuid() == 0;

        /// <summary>The folder as an absolute path, or the default when none was given.</summary>
        public static string Resolve(string? destination) =>
            string.IsNullOrWhiteSpace(destination) ? Default : Path.GetFullPath(destination);

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

        private static class NativeMethods
        {
            [DllImport("libc", SetLastError = false)]
#pragma warning disable SA1300 // the C name
            internal static extern uint geteuid();
#pragma warning restore SA1300
        }
    }
}
