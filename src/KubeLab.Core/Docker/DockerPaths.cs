using KubeLab.Host;
using System.Collections.Generic;

namespace KubeLab.Docker
{
    /// <summary>Where the Docker steps look and write; tests point these at a temp folder.</summary>
    public sealed class DockerPaths
    {
        public IReadOnlyList<string> OsRelease { get; set; } = Host.OsRelease.DefaultPaths;

        public string DpkgStatus { get; set; } = Docker.DpkgStatus.DefaultPath;

        public string KeyringFolder { get; set; } = "/etc/apt/keyrings";

        public string Keyring { get; set; } = DockerRepository.KeyringPath;

        public string Sources { get; set; } = DockerRepository.SourcesPath;

        public string LegacyList { get; set; } = DockerRepository.LegacyListPath;

        /// <summary>PID 1's name: systemd decides how the daemon starts.</summary>
        public string InitComm { get; set; } = "/proc/1/comm";

        public string InitScript { get; set; } = "/etc/init.d/docker";

        /// <summary>Where a dockerd that KubeLab starts in the background writes its log.</summary>
        public string DaemonLog { get; set; } = "/var/log/kubelab-dockerd.log";

        public string DaemonPidFile { get; set; } = "/run/kubelab-dockerd.pid";

        public string DataRoot { get; set; } = "/var/lib/docker";

        public string ContainerdRoot { get; set; } = "/var/lib/containerd";

        /// <summary>Where temp files are made before `install` places them as root.</summary>
        public string? TempFolder { get; set; }

        /// <summary>The docker CLI; null means the first one on PATH.</summary>
        public string? DockerCli { get; set; }

        /// <summary>Folders searched for dockerd (PATH first).</summary>
        public IReadOnlyList<string> DaemonLocations { get; set; } = new[] { "/usr/bin/dockerd", "/usr/sbin/dockerd", "/usr/local/bin/dockerd" };
    }
}
