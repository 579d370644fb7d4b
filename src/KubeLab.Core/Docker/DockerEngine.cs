using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Docker
{
    /// <summary>What Install-Docker did.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum DockerInstallStatus
    {
        /// <summary>Packages were installed (or reinstalled with -Force).</summary>
        Installed,

        /// <summary>Already there at the requested version and answering: nothing ran.</summary>
        AlreadyInstalled,

        /// <summary>Installed, and the daemon was left stopped (-NoStart).</summary>
        InstalledNotStarted,
    }

    /// <summary>Docker Engine on this machine: the client, the daemon as its Engine API describes itself, and where it came from.</summary>
    public sealed class DockerEngine
    {
        /// <summary>The docker CLI's version (from its package, else from the binary), or null when there is none.</summary>
        public string? ClientVersion { get; set; }

        /// <summary>The daemon's version, as the Engine API reports it; null when it does not answer.</summary>
        public string? ServerVersion { get; set; }

        /// <summary>The daemon's Engine API version (1.41, 1.52 ...).</summary>
        public string? ApiVersion { get; set; }

        /// <summary>Official (docker-ce), Distribution (docker.io), Other, or None.</summary>
        public DockerSource Source { get; set; }

        /// <summary>The installed engine package's apt version (5:29.4.0-1~debian.12~bookworm).</summary>
        public string? PackageVersion { get; set; }

        /// <summary>Whether the daemon answered on <see cref="Endpoint"/>.</summary>
        public bool DaemonRunning { get; set; }

        /// <summary>The socket or DOCKER_HOST asked.</summary>
        public string Endpoint { get; set; } = string.Empty;

        /// <summary>The daemon's data root (docker info: Docker Root Dir).</summary>
        public string? DataRoot { get; set; }

        public string? StorageDriver { get; set; }

        /// <summary>1 or 2 (cgroup v2 is what rootless Docker and minikube on containerd want).</summary>
        public string? CgroupVersion { get; set; }

        public bool Rootless { get; set; }

        /// <summary>Set by Install-Docker: what it did.</summary>
        public DockerInstallStatus? Status { get; set; }

        /// <summary>How the daemon was started by this call: Systemd, InitScript, Background; null when it already ran or was not started.</summary>
        public string? StartedBy { get; set; }

        /// <summary>The log file of a dockerd that KubeLab started in the background.</summary>
        public string? DaemonLog { get; set; }

        /// <summary>Why the daemon does not answer (not running, permission denied ...), with what to do.</summary>
        public string? Message { get; set; }
    }
}
