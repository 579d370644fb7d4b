using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Docker;
using KubeLab.Processes;

namespace KubeLab.Host
{
    /// <summary>
    /// Test-KubeLabHost's checks: can this machine run the lab (Docker Engine from Docker's repository, then
    /// minikube with the docker driver)? It reads and asks only; it downloads and changes nothing. A container
    /// is an ordinary process that the kernel gives its own namespaces, cgroups and root filesystem, so the
    /// isolation checks say which of those the kernel offers and what the lab loses without each.
    /// </summary>
    public sealed class HostInspector
    {
        public const long MinimumMemoryBytes = 2L * 1024 * 1024 * 1024;
        public const long MinimumDiskBytes = 20L * 1024 * 1024 * 1024;
        public const int MinimumCpus = 2;

        private static readonly (string Type, string Config, string Meaning, bool Optional)[] Namespaces =
        {
            ("pid", "CONFIG_PID_NS", "each container has its own process tree with its own PID 1; without it the minikube node's init (systemd) could not run as PID 1 and every container would see and could signal the host's processes", false),
            ("net", "CONFIG_NET_NS", "each container has its own interfaces, routes and ports; without it the minikube node could not have its own address (192.168.49.2) and every container's ports would clash on the host", false),
            ("mnt", "mount namespaces", "each container has its own mount table, so its image becomes its root filesystem (pivot_root, a stronger chroot) without touching the host's mounts; no container can start without it", false),
            ("uts", "CONFIG_UTS_NS", "each container has its own hostname; without it the node could not be called minikube without renaming the host", false),
            ("ipc", "CONFIG_IPC_NS", "each container has its own System V IPC and POSIX message queues; without it shared memory would be shared with every other container and the host", false),
            ("cgroup", "CONFIG_CGROUP_NS", "each container sees its own cgroup as the root; the minikube node runs systemd and the kubelet, which need to manage their own cgroup tree", false),
            ("user", "CONFIG_USER_NS", "root inside a container can be an unprivileged user outside; rootless Docker needs it, rootful Docker (the lab's default) runs without it", true),
        };

        private readonly HostFacts _facts;
        private readonly IDockerProbe _docker;
        private readonly SystemIdentity _identity;
        private readonly string _group;
        private readonly Func<string, string, bool> _isMember;
        private readonly Func<string, bool> _processHolds;
        private readonly Func<string, bool> _groupExists;
        private readonly string _architecture;

        public HostInspector(HostFacts facts, IDockerProbe docker, SystemIdentity identity, string group,
            Func<string, string, bool> isMember, Func<string, bool> processHolds, Func<string, bool> groupExists, string? architecture = null)
        {
            _facts = facts;
            _docker = docker;
            _identity = identity;
            _group = group;
            _isMember = isMember;
            _processHolds = processHolds;
            _groupExists = groupExists;
            _architecture = architecture ?? HostPlatform.Current.Architecture;
        }

        /// <summary>Every check, in the order a reader fixes them.</summary>
        public async Task<IReadOnlyList<HostCheck>> RunAsync(CancellationToken cancellationToken)
        {
            // The probe may wait on a socket: start it first, read the files meanwhile.
            var docker = _docker.ProbeAsync(cancellationToken);
            var checks = new List<HostCheck>();
            var os = _facts.OsRelease();
            checks.Add(OperatingSystem(os));
            checks.Add(Architecture(FamilyOf(os)));
            checks.Add(Cpus());
            checks.Add(Memory());
            checks.Add(Disk());
            checks.AddRange(Namespaces.Select(Namespace));
            checks.Add(CgroupV2());
            checks.Add(Overlay());
            checks.Add(Virtualization());
            var probe = await docker.ConfigureAwait(false);
            checks.Add(DockerInstalled(probe));
            checks.Add(DockerAnswering(probe));
            checks.Add(DockerGroup());
            return checks;
        }

        private static HostCheck OperatingSystem(OsRelease os)
        {
            // The same rule Install-Docker applies: derivatives use the release they are built on (Mint sets
            // UBUNTU_CODENAME), as Docker's install page says.
            var required = "Ubuntu (" + string.Join(", ", DockerRepository.SupportedSuites["ubuntu"]) + ") or Debian (" + string.Join(", ", DockerRepository.SupportedSuites["debian"]) + ")";
            DockerRepository repository;
            try
            {
                repository = DockerRepository.For(os);
            }
            catch (DockerException ex)
            {
                return new HostCheck("Operating system", required, $"{os.PrettyName}, codename {os.VersionCodename ?? "unknown"}", false,
                    ex.Message.Replace(" Nothing was changed.", string.Empty) + " Install Docker Engine the way your distribution documents, then use the rest of the lab.");
            }

            var actual = $"{os.PrettyName}, codename {repository.Suite}";
            if (os.Id != repository.Family)
            {
                actual += $" (a {repository.Family} derivative: Docker's {repository.Family} repository is used with this codename)";
            }

            var passed = repository.IsSupported;
            var advice = $"Docker's {repository.Family} repository has no '{repository.Suite}' suite, so Install-Docker from Docker's repository would fail; " +
                         $"move to a supported release ({string.Join(", ", DockerRepository.SupportedSuites[repository.Family])}) or use the distribution's package (Install-Docker -Source Distribution).";
            return new HostCheck("Operating system", required, actual, passed, advice, repository.Suite);
        }

        private HostCheck Architecture(string? family)
        {
            var dpkg = ToDpkg(_architecture);
            var minikube = new[] { "amd64", "arm64", "ppc64el", "s390x" };
            var docker = DockerRepository.SupportedArchitectures[family ?? "ubuntu"];
            var passed = docker.Contains(dpkg) && minikube.Contains(dpkg);
            return new HostCheck("Architecture", "64-bit: amd64, arm64, ppc64el or s390x (served by Docker's repository and by minikube)",
                dpkg, passed, $"'{dpkg}' is not served by both Docker's repository ({string.Join(", ", docker)}) and minikube's releases (amd64, arm64, ppc64le, s390x).", dpkg);
        }

        private static string? FamilyOf(OsRelease os)
        {
            try
            {
                return DockerRepository.For(os).Family;
            }
            catch (DockerException)
            {
                return null;
            }
        }

        private static string ToDpkg(string goArchitecture)
        {
            switch (goArchitecture)
            {
                case "ppc64le": return "ppc64el";
                case "arm": return "armhf";
                case "386": return "i386";
                default: return goArchitecture;
            }
        }

        private HostCheck Cpus()
        {
            var cpus = _facts.CpusAllowed() ?? Environment.ProcessorCount;
            return new HostCheck("CPUs", $"{MinimumCpus} or more", cpus.ToString(CultureInfo.InvariantCulture), cpus >= MinimumCpus,
                $"minikube needs {MinimumCpus} CPUs for its control plane (it refuses fewer unless forced); give the machine (or this process's cpuset) more CPUs.", cpus);
        }

        private HostCheck Memory()
        {
            var total = _facts.MemInfo("MemTotal");
            if (total == null)
            {
                return new HostCheck("Memory", "2 GiB or more", "unknown (/proc/meminfo unreadable)", false, "Could not read /proc/meminfo.");
            }

            var effective = total.Value;
            var actual = $"{Gib(total.Value)} total";
            var available = _facts.MemInfo("MemAvailable");
            if (available != null)
            {
                actual += $", {Gib(available.Value)} available";
            }

            var limit = _facts.CgroupMemoryLimit();
            if (limit != null && limit.Value < total.Value)
            {
                effective = limit.Value;
                actual += $", this cgroup limited to {Gib(limit.Value)}";
            }

            return new HostCheck("Memory", "2 GiB or more", actual, effective >= MinimumMemoryBytes,
                "minikube needs 2 GiB of memory for the node (the control plane alone uses about 1.5 GiB); add memory or raise the cgroup limit.", total.Value);
        }

        private HostCheck Disk()
        {
            var dataRoot = _facts.DockerDataRoot();
            var space = _facts.FreeSpace(dataRoot, out var measuredAt);
            var required = $"20 GiB free where Docker keeps its data ({dataRoot})";
            if (space == null)
            {
                return new HostCheck("Disk space", required, $"unknown (statvfs failed on {measuredAt})", false, $"Could not measure the free space at {measuredAt}.");
            }

            var at = measuredAt == dataRoot ? dataRoot : $"{measuredAt}, where {dataRoot} will be created";
            return new HostCheck("Disk space", required, $"{Gib(space.AvailableBytes)} free of {Gib(space.TotalBytes)} at {at}", space.AvailableBytes >= MinimumDiskBytes,
                $"minikube's node image, the Kubernetes images and the node's disk (20000 MB by default) live under {dataRoot}; free space there or move Docker's data-root.",
                space.AvailableBytes);
        }

        private HostCheck Namespace((string Type, string Config, string Meaning, bool Optional) ns)
        {
            var present = _facts.HasNamespace(ns.Type);
            var actual = present ? "available" : $"missing (no /proc/self/ns/{ns.Type})";
            if (present && ns.Type == "user")
            {
                var max = _facts.MaxUserNamespaces();
                if (max == 0)
                {
                    present = false;
                    actual = "disabled (/proc/sys/user/max_user_namespaces is 0)";
                }
            }

            return new HostCheck($"Isolation: {ns.Type} namespace", $"the kernel offers {ns.Type} namespaces", actual, present,
                $"The kernel lacks {ns.Type} namespaces ({ns.Config}): {ns.Meaning}.", present, ns.Optional);
        }

        private HostCheck CgroupV2()
        {
            if (_facts.IsCgroupV2)
            {
                var controllers = _facts.CgroupV2Controllers();
                var missing = new[] { "cpu", "memory", "pids" }.Where(c => !controllers.Contains(c)).ToList();
                return new HostCheck("Isolation: cgroup v2", "cgroup v2 (unified hierarchy) with cpu, memory and pids", "cgroup v2: " + string.Join(" ", controllers), missing.Count == 0,
                    $"cgroup v2 is mounted without the {string.Join(", ", missing)} controller(s): containers' CPU, memory or process limits cannot be enforced.", true);
            }

            var v1 = _facts.CgroupV1Hierarchies();
            return new HostCheck("Isolation: cgroup v2", "cgroup v2 (unified hierarchy) with cpu, memory and pids",
                v1.Count > 0 ? "cgroup v1 (" + string.Join(" ", v1) + ")" : "no cgroup filesystem at /sys/fs/cgroup",
                false,
                "cgroups are how the kernel limits and accounts a container's CPU, memory and processes. This host has only cgroup v1, which Kubernetes has deprecated " +
                "(recent kubelets refuse to start on it by default) and rootless Docker cannot use; boot with systemd.unified_cgroup_hierarchy=1 (or a newer distribution) to get cgroup v2.",
                false);
        }

        private HostCheck Overlay()
        {
            var loaded = _facts.Filesystems().Contains("overlay");
            var module = !loaded && _facts.OverlayModuleAvailable();
            return new HostCheck("Isolation: overlayfs", "overlay filesystem (Docker's overlay2 storage driver)",
                loaded ? "overlay in /proc/filesystems" : module ? "overlay module available (loads on first use)" : "missing",
                loaded || module,
                "Without overlayfs an image's layers cannot be stacked under a container's writable layer: Docker falls back to copying whole layers (vfs), which is very slow and fills the disk quickly.",
                loaded || module);
        }

        private HostCheck Virtualization()
        {
            var flags = _facts.CpuFlags();
            var found = new[] { "vmx", "svm" }.Where(flags.Contains).ToList();
            var actual = found.Count > 0 ? string.Join(" ", found) : flags.Contains("hypervisor") ? "none (this is a virtual machine without nested virtualization)" : "none";
            return new HostCheck("Virtualization", "vmx or svm, only for VM drivers (kvm2, virtualbox); the docker driver needs none", actual, found.Count > 0,
                "The CPU offers no hardware virtualization here, so minikube's VM drivers cannot run; the docker driver, which the lab uses, runs containers and does not need it.",
                found.Count > 0, optional: true);
        }

        private static HostCheck DockerInstalled(DockerProbeResult probe) =>
            new HostCheck("Docker installed", "the docker CLI or an engine package", probe.Installed ? probe.Program ?? "docker" : "docker not found on PATH", probe.Installed,
                "Docker Engine is not installed: install it (Install-Docker) before starting minikube with the docker driver.", probe.Installed);

        private static HostCheck DockerAnswering(DockerProbeResult probe) =>
            new HostCheck("Docker answering", $"the daemon answers at {probe.Endpoint}", probe.Detail, probe.Answering,
                "The Docker daemon is not answering: start it (systemctl start docker, or service docker start) and check that the socket exists; minikube's docker driver talks to it for everything.",
                probe.Answering);

        private HostCheck DockerGroup()
        {
            var required = $"the '{_group}' group active in this session (or root)";
            if (_identity.IsRoot && !_identity.IsElevatedThroughSudo)
            {
                return new HostCheck("Docker group", required, "root (the socket is open to root; minikube's docker driver still refuses root)", true, null, true);
            }

            var user = _identity.InvokingUser;
            if (!_groupExists(_group))
            {
                return new HostCheck("Docker group", required, $"no '{_group}' group on this machine", false,
                    $"The '{_group}' group does not exist yet (it comes with Docker Engine). Install Docker, then run Add-DockerGroupUser for {user}.", false);
            }

            var member = _isMember(user, _group);
            if (_identity.IsRoot)
            {
                // Under sudo, minikube runs as the invoking user with the groups the database gives them.
                return new HostCheck("Docker group", required, member ? $"{user} is in '{_group}' (sudo gives it to commands run as {user})" : $"{user} is not in '{_group}'", member,
                    $"Run Add-DockerGroupUser to put {user} in the '{_group}' group; minikube runs as {user} and needs it to reach Docker.", member);
            }

            if (_processHolds(_group))
            {
                return new HostCheck("Docker group", required, $"{user} holds '{_group}' in this session", true, null, true);
            }

            return member
                ? new HostCheck("Docker group", required, $"{user} is in '{_group}' but this session does not hold it yet", false,
                    $"{user} was added to '{_group}' after this session started. Log out and back in (or run 'newgrp {_group}'); until then Start-Minikube runs minikube through 'sg {_group}', but docker itself says permission denied.", false)
                : new HostCheck("Docker group", required, $"{user} is not in '{_group}'", false,
                    $"Run Add-DockerGroupUser to put {user} in the '{_group}' group (then log in again); without it neither docker nor minikube's docker driver can reach the daemon.", false);
        }

        private static string Gib(long bytes) => (bytes / 1024.0 / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
    }
}
