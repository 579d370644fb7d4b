using System.Net.Sockets;
using System.Text;
using KubeLab.Host;
using KubeLab.Processes;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Host;

/// <summary>The checks over a machine tree of the test's own (a root folder with etc/, proc/, sys/), and the socket probe against a real unix socket.</summary>
public sealed class HostInspectorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kubelab-host-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>A healthy Ubuntu 24.04 host with cgroup v2 and every namespace.</summary>
    private void HealthyUbuntu()
    {
        Write("/etc/os-release", "PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME=noble\n");
        Write("/proc/self/status", "Name:\tcat\nCpus_allowed:\tff\nCpus_allowed_list:\t0-3,6\nMems_allowed_list:\t0\n");
        Write("/proc/meminfo", "MemTotal:        8049416 kB\nMemFree:         1000000 kB\nMemAvailable:    6000000 kB\n");
        Write("/proc/self/cgroup", "0::/user.slice/session-1.scope\n");
        Write("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
        Write("/sys/fs/cgroup/user.slice/session-1.scope/memory.max", "max\n");
        foreach (var ns in new[] { "pid", "net", "mnt", "uts", "ipc", "user", "cgroup" })
        {
            Write("/proc/self/ns/" + ns, "");
        }

        Write("/proc/sys/user/max_user_namespaces", "63408\n");
        Write("/proc/filesystems", "nodev\tsysfs\nnodev\ttmpfs\n\text4\nnodev\toverlay\n");
        Write("/proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme de pse vmx ssse3\n");
        Directory.CreateDirectory(Path.Combine(_root, "var/lib/docker"));
    }

    private HostInspector Inspector(IDockerProbe? docker = null, SystemIdentity? identity = null, bool member = true, bool holds = true, bool groupExists = true, long free = 100L << 30, string architecture = "amd64") =>
        new(new HostFacts(_root, _ => new DiskSpace(200L << 30, free)), docker ?? new FixedProbe(true, true),
            identity ?? new SystemIdentity(new RecordingCommandRunner(_ => new CommandResult(0, "", "", TimeSpan.Zero)), 1000, null, "ana", "/home/ana"),
            "docker", (_, _) => member, _ => holds, _ => groupExists, architecture);

    private async Task<Dictionary<string, HostCheck>> Checks(HostInspector inspector) =>
        (await inspector.RunAsync(default)).ToDictionary(c => c.Check);

    [Fact]
    public async Task AHealthyHostPassesEveryCheck()
    {
        HealthyUbuntu();
        var checks = await Checks(Inspector());
        Assert.All(checks.Values, c => Assert.True(c.Passed, c.Check + ": " + c.Actual));
        Assert.All(checks.Values, c => Assert.Null(c.Advice));
        Assert.Equal("Ubuntu 24.04.1 LTS, codename noble", checks["Operating system"].Actual);
        Assert.Equal(5, checks["CPUs"].Value);
        Assert.Equal(8049416L * 1024, checks["Memory"].Value);
        Assert.Equal(100L << 30, checks["Disk space"].Value);
        Assert.Contains("at /var/lib/docker", checks["Disk space"].Actual);
        Assert.Equal("cgroup v2: cpuset cpu io memory hugetlb pids rdma misc", checks["Isolation: cgroup v2"].Actual);
        Assert.Equal(18, checks.Count);
    }

    [Fact]
    public async Task AnUnsupportedCodenameAndADerivative()
    {
        HealthyUbuntu();
        Write("/etc/os-release", "PRETTY_NAME=\"Ubuntu 20.04\"\nID=ubuntu\nVERSION_CODENAME=focal\nUBUNTU_CODENAME=focal\n");
        var os = (await Checks(Inspector()))["Operating system"];
        Assert.False(os.Passed);
        Assert.Contains("no 'focal' suite", os.Advice);

        Write("/etc/os-release", "PRETTY_NAME=\"Linux Mint 22\"\nID=linuxmint\nID_LIKE=\"ubuntu debian\"\nVERSION_CODENAME=wilma\nUBUNTU_CODENAME=noble\n");
        os = (await Checks(Inspector()))["Operating system"];
        Assert.True(os.Passed);
        Assert.Contains("a ubuntu derivative", os.Actual);

        Write("/etc/os-release", "ID=fedora\nVERSION_ID=41\n");
        os = (await Checks(Inspector()))["Operating system"];
        Assert.False(os.Passed);
        Assert.Contains("it supports Ubuntu and Debian", os.Advice);
    }

    [Fact]
    public async Task SmallMachinesFailWithTheirFigures()
    {
        HealthyUbuntu();
        Write("/proc/self/status", "Cpus_allowed_list:\t0\n");
        Write("/proc/meminfo", "MemTotal:        8049416 kB\nMemAvailable:    6000000 kB\n");
        Write("/sys/fs/cgroup/user.slice/session-1.scope/memory.max", "1073741824\n");
        var checks = await Checks(Inspector(free: 5L << 30, architecture: "386"));
        Assert.False(checks["CPUs"].Passed);
        Assert.Equal("1", checks["CPUs"].Actual);
        Assert.False(checks["Memory"].Passed);
        Assert.Contains("this cgroup limited to 1.0 GiB", checks["Memory"].Actual);
        Assert.False(checks["Disk space"].Passed);
        Assert.Contains("5.0 GiB free", checks["Disk space"].Actual);
        Assert.False(checks["Architecture"].Passed);
    }

    [Fact]
    public async Task DockersDataRootComesFromDaemonJsonAndIsMeasuredWhereItWillBe()
    {
        HealthyUbuntu();
        Write("/etc/docker/daemon.json", "{\"data-root\": \"/srv/docker-data\"}");
        Directory.CreateDirectory(Path.Combine(_root, "srv"));
        var disk = (await Checks(Inspector()))["Disk space"];
        Assert.Contains("(/srv/docker-data)", disk.Required);
        Assert.Contains("at /srv, where /srv/docker-data will be created", disk.Actual);
    }

    [Fact]
    public async Task AMissingNamespaceSaysWhatTheLabLoses()
    {
        HealthyUbuntu();
        File.Delete(Path.Combine(_root, "proc/self/ns/pid"));
        File.Delete(Path.Combine(_root, "proc/self/ns/net"));
        Write("/proc/sys/user/max_user_namespaces", "0\n");
        var checks = await Checks(Inspector());
        var pid = checks["Isolation: pid namespace"];
        Assert.False(pid.Passed);
        Assert.Contains("CONFIG_PID_NS", pid.Advice);
        Assert.Contains("PID 1", pid.Advice);
        Assert.Contains("192.168.49.2", checks["Isolation: net namespace"].Advice);
        var user = checks["Isolation: user namespace"];
        Assert.False(user.Passed);
        Assert.True(user.Optional);
        Assert.Contains("max_user_namespaces is 0", user.Actual);
    }

    [Fact]
    public async Task CgroupV1OverlayAndVirtualization()
    {
        HealthyUbuntu();
        Directory.Delete(Path.Combine(_root, "sys/fs/cgroup"), true);
        Directory.CreateDirectory(Path.Combine(_root, "sys/fs/cgroup/memory"));
        Directory.CreateDirectory(Path.Combine(_root, "sys/fs/cgroup/cpu"));
        Write("/proc/self/cgroup", "4:memory:/lab\n0::/\n");
        Write("/sys/fs/cgroup/memory/lab/memory.limit_in_bytes", "9223372036854771712\n"); // v1's "unlimited"
        Write("/proc/filesystems", "nodev\tsysfs\n\text4\n");
        Write("/proc/cpuinfo", "flags\t\t: fpu hypervisor\n");
        var checks = await Checks(Inspector());
        var cgroup = checks["Isolation: cgroup v2"];
        Assert.False(cgroup.Passed);
        Assert.Equal("cgroup v1 (cpu memory)", cgroup.Actual);
        Assert.Contains("systemd.unified_cgroup_hierarchy=1", cgroup.Advice);
        Assert.DoesNotContain("limited", checks["Memory"].Actual);
        Assert.False(checks["Isolation: overlayfs"].Passed);
        Assert.Contains("vfs", checks["Isolation: overlayfs"].Advice);
        var virt = checks["Virtualization"];
        Assert.False(virt.Passed);
        Assert.True(virt.Optional);
        Assert.Contains("without nested virtualization", virt.Actual);
    }

    [Fact]
    public async Task TheDockerGroupInEachSituation()
    {
        HealthyUbuntu();
        Assert.True((await Checks(Inspector(member: true, holds: true)))["Docker group"].Passed);

        var trap = (await Checks(Inspector(member: true, holds: false)))["Docker group"];
        Assert.False(trap.Passed);
        Assert.Contains("does not hold it yet", trap.Actual);
        Assert.Contains("newgrp docker", trap.Advice);

        var outside = (await Checks(Inspector(member: false, holds: false)))["Docker group"];
        Assert.Contains("Add-DockerGroupUser", outside.Advice);

        var none = (await Checks(Inspector(groupExists: false)))["Docker group"];
        Assert.Contains("does not exist yet", none.Advice);

        var runner = new RecordingCommandRunner(_ => new CommandResult(0, "", "", TimeSpan.Zero));
        var sudo = (await Checks(Inspector(identity: new SystemIdentity(runner, 0, "ana", "root", "/root"), member: false, holds: false)))["Docker group"];
        Assert.False(sudo.Passed);
        Assert.Equal("ana is not in 'docker'", sudo.Actual);
    }

    [Fact]
    public async Task DockerNotInstalledOrNotAnswering()
    {
        HealthyUbuntu();
        var checks = await Checks(Inspector(docker: new FixedProbe(false, false)));
        Assert.False(checks["Docker installed"].Passed);
        Assert.Contains("Install-Docker", checks["Docker installed"].Advice);
        Assert.False(checks["Docker answering"].Passed);
    }

    [Fact]
    public void CpuListsAreCountedLikeNproc()
    {
        Assert.Equal(4, HostFacts.CountCpuList("0-3"));
        Assert.Equal(6, HostFacts.CountCpuList("0-3,8,10"));
        Assert.Null(HostFacts.CountCpuList("x"));
    }

    private sealed class FixedProbe(bool installed, bool answering) : IDockerProbe
    {
        public Task<DockerProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new DockerProbeResult(installed, installed ? "/usr/bin/docker" : null, answering, "/var/run/docker.sock", answering ? "GET /_ping answered OK" : "connection refused"));
    }
}
