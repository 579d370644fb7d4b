using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace KubeLab.Host
{
    /// <summary>
    /// Reads what the kernel and the distribution say about this machine: /etc/os-release, /proc (cpus, memory,
    /// namespaces, filesystems, cpu flags), /sys/fs/cgroup and statvfs. Everything is read below a root folder
    /// (/ for the real machine) so tests can hand it a tree of their own.
    /// </summary>
    public sealed class HostFacts
    {
        /// <summary>More than any file read here holds (cpuinfo of a large machine included).</summary>
        private const int MaxFileChars = 4 << 20;

        private readonly string _root;
        private readonly Func<string, DiskSpace?> _statvfs;

        public HostFacts(string root = "/", Func<string, DiskSpace?>? statvfs = null)
        {
            _root = root;
            _statvfs = statvfs ?? StatVfs;
        }

        /// <summary>A path of the machine under this root.</summary>
        public string PathOf(string absolute) => Path.Combine(_root, absolute.TrimStart('/'));

        /// <summary>/etc/os-release (else /usr/lib/os-release) under this root; empty when neither exists.</summary>
        public OsRelease OsRelease() =>
            Host.OsRelease.Load(new[] { PathOf("/etc/os-release"), PathOf("/usr/lib/os-release") }) ?? Host.OsRelease.Parse(string.Empty);

        /// <summary>The CPUs this process may run on (/proc/self/status Cpus_allowed_list), as nproc counts them.</summary>
        public int? CpusAllowed()
        {
            var line = ReadLines(PathOf("/proc/self/status")).FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
            return line == null ? (int?)null : CountCpuList(line.Substring("Cpus_allowed_list:".Length));
        }

        /// <summary>A kernel cpu list such as 0-3,8,10-11.</summary>
        public static int? CountCpuList(string list)
        {
            var count = 0;
            foreach (var part in list.Trim().Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var range = part.Split('-');
                if (!int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first))
                {
                    return null;
                }

                var last = first;
                if (range.Length == 2 && !int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out last))
                {
                    return null;
                }

                count += last - first + 1;
            }

            return count > 0 ? count : (int?)null;
        }

        /// <summary>A /proc/meminfo field in bytes (MemTotal, MemAvailable ...).</summary>
        public long? MemInfo(string field)
        {
            foreach (var line in ReadLines(PathOf("/proc/meminfo")))
            {
                if (!line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = line.Substring(field.Length + 1).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return parts.Length > 1 && parts[1] == "kB" ? value * 1024 : value;
                }
            }

            return null;
        }

        /// <summary>This process's cgroup memory limit in bytes (v2 memory.max or v1 memory.limit_in_bytes); null when unlimited.</summary>
        public long? CgroupMemoryLimit()
        {
            foreach (var line in ReadLines(PathOf("/proc/self/cgroup")))
            {
                var parts = line.Split(new[] { ':' }, 3);
                if (parts.Length != 3)
                {
                    continue;
                }

                string? file = null;
                if (parts[0] == "0" && parts[1].Length == 0 && IsCgroupV2)
                {
                    file = PathOf("/sys/fs/cgroup" + parts[2].TrimEnd('/') + "/memory.max");
                }
                else if (parts[1].Split(',').Contains("memory"))
                {
                    file = PathOf("/sys/fs/cgroup/memory" + parts[2].TrimEnd('/') + "/memory.limit_in_bytes");
                }

                var text = file == null ? null : ReadText(file)?.Trim();
                // v1 writes "unlimited" as a huge page-rounded number.
                if (text != null && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit < (1L << 60))
                {
                    return limit;
                }
            }

            return null;
        }

        /// <summary>Whether /sys/fs/cgroup is the cgroup v2 unified hierarchy.</summary>
        public bool IsCgroupV2 => File.Exists(PathOf("/sys/fs/cgroup/cgroup.controllers"));

        /// <summary>The controllers the cgroup v2 root offers (cpu, memory, pids ...); empty on v1.</summary>
        public IReadOnlyList<string> CgroupV2Controllers() =>
            (ReadText(PathOf("/sys/fs/cgroup/cgroup.controllers")) ?? string.Empty).Split(new[] { ' ', '\n' }, StringSplitOptions.RemoveEmptyEntries);

        /// <summary>The v1 hierarchies mounted under /sys/fs/cgroup (cpu, memory, ...); for the report on v1 hosts.</summary>
        public IReadOnlyList<string> CgroupV1Hierarchies()
        {
            var dir = PathOf("/sys/fs/cgroup");
            return Directory.Exists(dir) ? Directory.GetDirectories(dir).Select(Path.GetFileName).Where(n => n != null).Select(n => n!).OrderBy(n => n, StringComparer.Ordinal).ToList() : new List<string>();
        }

        /// <summary>Whether the kernel offers a namespace type: this process has a handle for it in /proc/self/ns.</summary>
        public bool HasNamespace(string type) => File.Exists(PathOf("/proc/self/ns/" + type)) || IsSymlink(PathOf("/proc/self/ns/" + type));

        /// <summary>/proc/sys/user/max_user_namespaces; null when the file is missing.</summary>
        public long? MaxUserNamespaces()
        {
            var text = ReadText(PathOf("/proc/sys/user/max_user_namespaces"))?.Trim();
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
        }

        /// <summary>The filesystems the running kernel knows (/proc/filesystems).</summary>
        public IReadOnlyList<string> Filesystems() =>
            ReadLines(PathOf("/proc/filesystems")).Select(l => l.Split('\t').Last().Trim()).Where(n => n.Length > 0).ToList();

        /// <summary>Whether overlay can be loaded as a module for this kernel (it then appears in /proc/filesystems on first use).</summary>
        public bool OverlayModuleAvailable()
        {
            var release = (ReadText(PathOf("/proc/sys/kernel/osrelease")) ?? string.Empty).Trim();
            var dir = PathOf($"/lib/modules/{release}/kernel/fs/overlayfs");
            return release.Length > 0 && Directory.Exists(dir) && Directory.EnumerateFiles(dir, "overlay.ko*").Any();
        }

        /// <summary>The flags of the first CPU in /proc/cpuinfo.</summary>
        public IReadOnlyCollection<string> CpuFlags()
        {
            var line = ReadLines(PathOf("/proc/cpuinfo")).FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal) || l.StartsWith("Features", StringComparison.Ordinal));
            var colon = line?.IndexOf(':') ?? -1;
            return colon < 0 ? new HashSet<string>() : new HashSet<string>(line!.Substring(colon + 1).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        }

        /// <summary>Docker's data-root from /etc/docker/daemon.json, else /var/lib/docker.</summary>
        public string DockerDataRoot()
        {
            var json = ReadText(PathOf("/etc/docker/daemon.json"));
            if (json != null)
            {
                try
                {
                    var root = Minikube.MinikubeJson.Text(Minikube.MinikubeJson.Parse(json, "/etc/docker/daemon.json"), "data-root");
                    if (!string.IsNullOrEmpty(root) && root!.StartsWith("/", StringComparison.Ordinal))
                    {
                        return root;
                    }
                }
                catch (Minikube.MinikubeException)
                {
                    // An unreadable daemon.json: dockerd would not start either; the default path is the best guess.
                }
            }

            return "/var/lib/docker";
        }

        /// <summary>Free space for an unprivileged writer where <paramref name="path"/> is, or where it would be created (its nearest existing parent).</summary>
        public DiskSpace? FreeSpace(string path, out string measuredAt)
        {
            var current = path;
            while (!Directory.Exists(PathOf(current)) && current != "/")
            {
                current = Path.GetDirectoryName(current) ?? "/";
            }

            measuredAt = current;
            return _statvfs(PathOf(current));
        }

        private static DiskSpace? StatVfs(string path)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || IntPtr.Size != 8)
            {
                return null;
            }

            return NativeMethods.statvfs(path, out var stat) != 0
                ? null
                : new DiskSpace((long)(stat.Blocks * stat.FragmentSize), (long)(stat.BlocksAvailable * stat.FragmentSize));
        }

        private static bool IsSymlink(string path)
        {
            try
            {
                return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static IEnumerable<string> ReadLines(string file) => (ReadText(file) ?? string.Empty).Split('\n');

        private static string? ReadText(string file)
        {
            try
            {
                // /proc and /sys files report a size of 0: read them as streams, bounded.
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.None);
                using var reader = new StreamReader(stream);
                var text = new System.Text.StringBuilder();
                var buffer = new char[4096];
                int read;
                while (text.Length < MaxFileChars && (read = reader.Read(buffer, 0, buffer.Length)) > 0)
                {
                    text.Append(buffer, 0, read);
                }

                return text.ToString();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static class NativeMethods
        {
            [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
            internal static extern int statvfs(string path, out StatVfsBuffer buffer);

            /// <summary>glibc's struct statvfs on 64-bit Linux (every count is 64 bits).</summary>
            [StructLayout(LayoutKind.Sequential)]
            internal struct StatVfsBuffer
            {
                public ulong BlockSize;
                public ulong FragmentSize;
                public ulong Blocks;
                public ulong BlocksFree;
                public ulong BlocksAvailable;
                public ulong Files;
                public ulong FilesFree;
                public ulong FilesAvailable;
                public ulong FileSystemId;
                public ulong Flags;
                public ulong NameMax;
                public int Spare0;
                public int Spare1;
                public int Spare2;
                public int Spare3;
                public int Spare4;
                public int Spare5;
            }
        }
    }

    /// <summary>A filesystem's size and the space an unprivileged writer may still use (df's Available).</summary>
    public sealed class DiskSpace
    {
        public DiskSpace(long totalBytes, long availableBytes)
        {
            TotalBytes = totalBytes;
            AvailableBytes = availableBytes;
        }

        public long TotalBytes { get; }

        public long AvailableBytes { get; }
    }
}
