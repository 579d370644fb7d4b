using System;
using System.Runtime.InteropServices;

namespace KubeLab.Host
{
    /// <summary>
    /// The operating system and CPU in Go's naming (linux, amd64, arm64 ...), the vocabulary every upstream
    /// release uses before its own renames (compose's x86_64, for one).
    /// </summary>
    public sealed class HostPlatform
    {
        public HostPlatform(string os, string architecture)
        {
            Os = os;
            Architecture = architecture;
        }

        public string Os { get; }

        public string Architecture { get; }

        /// <summary>This machine. Architectures newer than netstandard2.0's enum are read by name.</summary>
        public static HostPlatform Current
        {
            get
            {
                var os = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
                    : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "darwin"
                    : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
                    : RuntimeInformation.OSDescription;
                return new HostPlatform(os, ToGoArchitecture(RuntimeInformation.OSArchitecture.ToString()));
            }
        }

        public static string ToGoArchitecture(string dotnetArchitecture)
        {
            switch (dotnetArchitecture.ToLowerInvariant())
            {
                case "x64": return "amd64";
                case "arm64": return "arm64";
                case "arm": return "arm";
                case "x86": return "386";
                case "s390x": return "s390x";
                case "ppc64le": return "ppc64le";
                case "riscv64": return "riscv64";
                default: return dotnetArchitecture.ToLowerInvariant();
            }
        }

        public override string ToString() => Os + "/" + Architecture;
    }
}
