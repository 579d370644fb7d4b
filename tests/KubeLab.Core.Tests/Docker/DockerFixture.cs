using KubeLab.Host;
using KubeLab.Docker;
using KubeLab.Downloads;
using KubeLab.Processes;
using KubeLab.Tests.Support;

namespace KubeLab.Tests.Docker;

/// <summary>A machine in a temp folder: os-release, dpkg's database, apt folders, a folder mirror with a key, a fake daemon.</summary>
internal sealed class DockerFixture : IDisposable
{
    public const string MirrorKeyFingerprint = "5F807D77413850EAD2374A67B8F7B434577F3FB3";
    public const string OtherKeyFingerprint = "A3A1C45344F660D9917A5BE26F5E482B0E785D47";

    public static readonly string UbuntuNoble = "PRETTY_NAME=\"Ubuntu 24.04.2 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nVERSION=\"24.04.2 LTS (Noble Numbat)\"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n";
    public static readonly string UbuntuJammy = "PRETTY_NAME=\"Ubuntu 22.04.5 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nVERSION=\"22.04.5 LTS (Jammy Jellyfish)\"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME=jammy\n";
    public static readonly string Mint22 = "NAME=\"Linux Mint\"\nVERSION=\"22 (Wilma)\"\nID=linuxmint\nID_LIKE=\"ubuntu debian\"\nPRETTY_NAME=\"Linux Mint 22\"\nVERSION_ID=\"22\"\nVERSION_CODENAME=wilma\nUBUNTU_CODENAME=noble\n";
    public static readonly string Debian12 = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n";
    public static readonly string Fedora = "NAME=\"Fedora Linux\"\nVERSION=\"41 (Workstation Edition)\"\nID=fedora\nVERSION_ID=41\nVERSION_CODENAME=\"\"\nPRETTY_NAME=\"Fedora Linux 41 (Workstation Edition)\"\n";

    private readonly Downloader _downloader;

    public DockerFixture(string osRelease, params (string Package, string Version)[] installed)
    {
        Root = Directory.CreateTempSubdirectory("kubelab-docker-").FullName;
        Mirror = Path.Combine(Root, "mirror");
        Directory.CreateDirectory(Mirror);
        Directory.CreateDirectory(Path.Combine(Root, "etc/apt/sources.list.d"));
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        File.WriteAllText(Path.Combine(Root, "os-release"), osRelease);
        File.WriteAllText(Path.Combine(Root, "comm"), "init\n");
        File.WriteAllText(Path.Combine(Root, "dockerd"), "#!/bin/sh\n");
        WriteDpkgStatus(installed);
        Paths = new DockerPaths
        {
            OsRelease = new[] { Path.Combine(Root, "os-release") },
            DpkgStatus = Path.Combine(Root, "status"),
            KeyringFolder = Path.Combine(Root, "etc/apt/keyrings"),
            Keyring = Path.Combine(Root, "etc/apt/keyrings/docker.asc"),
            Sources = Path.Combine(Root, "etc/apt/sources.list.d/docker.sources"),
            LegacyList = Path.Combine(Root, "etc/apt/sources.list.d/docker.list"),
            InitComm = Path.Combine(Root, "comm"),
            InitScript = Path.Combine(Root, "init.d-docker"),
            DaemonLog = Path.Combine(Root, "dockerd.log"),
            DaemonPidFile = Path.Combine(Root, "dockerd.pid"),
            DataRoot = Path.Combine(Root, "var/lib/docker"),
            ContainerdRoot = Path.Combine(Root, "var/lib/containerd"),
            TempFolder = Path.Combine(Root, "tmp"),
            DaemonLocations = new[] { Path.Combine(Root, "dockerd") },
            DockerCli = Path.Combine(Root, "no-docker-cli"),
        };
        Runner = new RecordingCommandRunner(Answer);
        Api = new FakeEngineApi();
        Log = new RecordingLog();
        _downloader = new Downloader(DownloadMirror.Parse(Mirror), Log, new RetryPolicy(1, TimeSpan.Zero));
    }

    public string Root { get; }

    public string Mirror { get; }

    public DockerPaths Paths { get; }

    public RecordingCommandRunner Runner { get; }

    public FakeEngineApi Api { get; }

    public RecordingLog Log { get; }

    /// <summary>What `install -m 0644 -- TEMP DEST` placed, by destination (read when the command ran).</summary>
    public Dictionary<string, string> Placed { get; } = new();

    /// <summary>apt-cache madison's answer.</summary>
    public string Madison { get; set; } = "";

    /// <summary>Exit codes for commands whose display starts with a key.</summary>
    public Dictionary<string, int> Failures { get; } = new();

    public uint Uid { get; set; }

    public bool SudoWorks { get; set; } = true;

    public static string FixtureFile(string name) => Path.Combine(AppContext.BaseDirectory, "Docker", "Fixtures", name);

    public void AddKey(string family, string fixture) =>
        CopyInto($"download.docker.com/linux/{family}/gpg", File.ReadAllBytes(FixtureFile(fixture)));

    public void CopyInto(string relative, byte[] content)
    {
        var path = Path.Combine(Mirror, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public void WriteDpkgStatus(params (string Package, string Version)[] installed)
    {
        var stanzas = installed.Select(p => $"Package: {p.Package}\nStatus: install ok installed\nPriority: optional\nVersion: {p.Version}\nDescription: x\n continued\n");
        File.WriteAllText(Path.Combine(Root, "status"), string.Join("\n", stanzas) + "\nPackage: removed-one\nStatus: deinstall ok config-files\nVersion: 1\n");
    }

    public DockerInstaller Installer()
    {
        var identity = new SystemIdentity(Runner, Uid, null, Uid == 0 ? "root" : "ana", Uid == 0 ? "/root" : "/home/ana");
        var commands = new DockerCommands(Runner, new Elevation(identity));
        var daemon = new DockerDaemon(commands, Api, Paths, Log) { StartTimeout = TimeSpan.FromSeconds(2) };
        return new DockerInstaller(commands, _downloader, DownloadMirror.Parse(Mirror), new DockerEngineProbe(Runner, Api, Paths), daemon, Paths, Log);
    }

    public IReadOnlyList<string> Commands => Runner.Commands.Select(c => c.Display).ToList();

    public void Dispose()
    {
        _downloader.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private CommandResult Answer(CommandSpec command)
    {
        var display = command.Display;
        if (display == "sudo -n true")
        {
            return new CommandResult(SudoWorks ? 0 : 1, "", "", TimeSpan.Zero);
        }

        foreach (var failure in Failures)
        {
            if (display.StartsWith(failure.Key, StringComparison.Ordinal))
            {
                return new CommandResult(failure.Value, "", "E: simulated failure", TimeSpan.Zero);
            }
        }

        var args = command.FileName == "sudo" ? command.Arguments.Skip(2).ToArray() : new[] { command.FileName }.Concat(command.Arguments).ToArray();
        if (args[0] == "dpkg" && args[1] == "--print-architecture")
        {
            return new CommandResult(0, "amd64\n", "", TimeSpan.Zero);
        }

        if (args[0] == "apt-cache")
        {
            return new CommandResult(0, Madison, "", TimeSpan.Zero);
        }

        if (args[0] == "install" && args[1] == "-m" && args[2] == "0644")
        {
            Placed[args[5]] = File.ReadAllText(args[4]);
        }

        if (args[0] == "start-stop-daemon" && args[1] == "--start")
        {
            Api.Running = true;
        }

        return new CommandResult(0, "", "", TimeSpan.Zero);
    }
}

/// <summary>A daemon that answers when <see cref="Running"/>.</summary>
internal sealed class FakeEngineApi : IDockerEngineApi
{
    public bool Running { get; set; }

    public int Queries { get; private set; }

    public Task<(DaemonFacts? Facts, string? Problem)> QueryAsync(string endpoint, CancellationToken cancellationToken)
    {
        Queries++;
        return Task.FromResult(Running
            ? ((DaemonFacts?)new DaemonFacts { ServerVersion = "29.4.0", ApiVersion = "1.52", DataRoot = "/var/lib/docker", StorageDriver = "overlay2", CgroupVersion = "2" }, (string?)null)
            : (null, "not running"));
    }
}
