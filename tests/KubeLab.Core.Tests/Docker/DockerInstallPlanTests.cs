using KubeLab.Host;
using KubeLab.Docker;
using KubeLab.Processes;
using Xunit;

namespace KubeLab.Tests.Docker;

public sealed class DockerInstallPlanTests
{
    private const string Apt = "env DEBIAN_FRONTEND=noninteractive apt-get";

    private static async Task<DockerEngine?> InstallAsync(DockerFixture machine, DockerInstallOptions options, List<string>? asked = null)
    {
        var installer = machine.Installer();
        var plan = await installer.PlanInstallAsync(options, default);
        return await installer.InstallAsync(plan, (target, action) => { asked?.Add(action + " | " + target); return true; }, null, default);
    }

    private static string[] OfficialCommands(DockerFixture m, string family, string conflicts) => new[]
    {
        "dpkg --print-architecture",
        $"{Apt} remove -y {conflicts}",
        $"install -m 0755 -d {m.Paths.KeyringFolder}",
        $"install -m 0644 -- {m.Paths.TempFolder}/*-docker.asc {m.Paths.Keyring}",
        $"install -m 0644 -- {m.Paths.TempFolder}/*-docker.sources {m.Paths.Sources}",
        $"{Apt} update -o Dir::Etc::sourcelist={m.Paths.Sources} -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0",
        $"{Apt} install -y docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin",
        $"start-stop-daemon --start --background --make-pidfile --pidfile {m.Paths.DaemonPidFile} --output {m.Paths.DaemonLog} --exec {m.Root}/dockerd",
    };

    private static void AssertCommands(IEnumerable<string> expected, IReadOnlyList<string> actual)
    {
        var patterns = expected.ToList();
        Assert.True(patterns.Count == actual.Count, "Expected:\n" + string.Join("\n", patterns) + "\nActual:\n" + string.Join("\n", actual));
        for (var i = 0; i < patterns.Count; i++)
        {
            var regex = "^" + System.Text.RegularExpressions.Regex.Escape(patterns[i]).Replace("\\*", "[^ ]*") + "$";
            Assert.Matches(regex, actual[i]);
        }
    }

    private static string Sources(string mirror, string family, string suite) =>
        $"Types: deb\nURIs: file:{mirror}/download.docker.com/linux/{family}\nSuites: {suite}\nComponents: stable\nArchitectures: amd64\nSigned-By: /etc/apt/keyrings/docker.asc\n";

    [Theory]
    [InlineData("noble", "ubuntu")]
    [InlineData("jammy", "ubuntu")]
    [InlineData("mint22", "ubuntu")]
    [InlineData("bookworm", "debian")]
    public async Task OfficialPlanRunsDockersDocumentedStepsInOrder(string system, string family)
    {
        var (osRelease, suite) = system switch
        {
            "noble" => (DockerFixture.UbuntuNoble, "noble"),
            "jammy" => (DockerFixture.UbuntuJammy, "jammy"),
            "mint22" => (DockerFixture.Mint22, "noble"),
            _ => (DockerFixture.Debian12, "bookworm"),
        };
        using var m = new DockerFixture(osRelease, ("docker.io", "24.0.7-0ubuntu4"), ("runc", "1.1.12"), ("ca-certificates", "20240203"));
        m.AddKey(family, "mirror-key.asc");
        var asked = new List<string>();

        var engine = await InstallAsync(m, new DockerInstallOptions { KeyFingerprint = DockerFixture.MirrorKeyFingerprint }, asked);

        AssertCommands(OfficialCommands(m, family, "docker.io runc"), m.Commands);
        Assert.Equal(Sources(m.Mirror, family, suite), m.Placed[m.Paths.Sources]);
        Assert.Equal(File.ReadAllText(DockerFixture.FixtureFile("mirror-key.asc")), m.Placed[m.Paths.Keyring]);
        Assert.StartsWith("Download Docker's key and check its fingerprint is 5F80 7D77", asked[0]);
        Assert.EndsWith($"{m.Mirror}/download.docker.com/linux/{family}/gpg", asked[0]);
        Assert.Equal(8, asked.Count);
        Assert.NotNull(engine);
        Assert.Equal(DockerInstallStatus.Installed, engine!.Status);
        Assert.Equal("Background", engine.StartedBy);
        Assert.Equal(m.Paths.DaemonLog, engine.DaemonLog);
        Assert.True(engine.DaemonRunning);
        Assert.Empty(Directory.GetFiles(m.Paths.TempFolder!)); // temp files are gone
    }

    [Fact]
    public async Task UbuntuConflictsIncludeComposeV2AndDebianDoesNot()
    {
        var ubuntu = DockerRepository.For(OsRelease.Parse(DockerFixture.UbuntuNoble));
        var debian = DockerRepository.For(OsRelease.Parse(DockerFixture.Debian12));
        Assert.Equal(new[] { "docker.io", "docker-compose", "docker-compose-v2", "docker-doc", "podman-docker", "containerd", "runc" }, ubuntu.ConflictingPackages);
        Assert.Equal(new[] { "docker.io", "docker-doc", "docker-compose", "podman-docker", "containerd", "runc" }, debian.ConflictingPackages);
        Assert.Equal(new Uri("https://download.docker.com/linux/ubuntu/gpg"), ubuntu.KeyUri);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task UnsupportedSystemIsRefusedBeforeAnythingRuns()
    {
        using var m = new DockerFixture(DockerFixture.Fedora);
        var error = await Assert.ThrowsAsync<DockerException>(() => InstallAsync(m, new DockerInstallOptions()));
        Assert.Equal(DockerErrorKind.UnsupportedSystem, error.Kind);
        Assert.Contains("Fedora Linux 41", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.Empty(m.Runner.Commands);
        await Assert.ThrowsAsync<DockerException>(() => InstallAsync(m, new DockerInstallOptions { Source = DockerSource.Distribution }));
        Assert.Empty(m.Runner.Commands);
    }

    [Fact]
    public async Task WrongKeyStopsBeforeAnySourceOrKeyringIsWrittenAndNamesBothFingerprints()
    {
        using var m = new DockerFixture(DockerFixture.Debian12, ("docker.io", "20.10.24"), ("ca-certificates", "1"));
        m.AddKey("debian", "other-key.asc");
        var error = await Assert.ThrowsAsync<DockerException>(() => InstallAsync(m, new DockerInstallOptions { KeyFingerprint = "5f80 7d77 4138 50ea d237  4a67 b8f7 b434 577f 3fb3" }));
        Assert.Equal(DockerErrorKind.KeyFingerprintMismatch, error.Kind);
        Assert.Contains("A3A1 C453 44F6 60D9 917A 5BE2 6F5E 482B 0E78 5D47", error.Message);
        Assert.Contains("5F80 7D77 4138 50EA D237 4A67 B8F7 B434 577F 3FB3", error.Message);
        Assert.Equal(new[] { "dpkg --print-architecture" }, m.Commands); // nothing removed, nothing written
        Assert.Empty(m.Placed);
    }

    [Fact]
    public async Task DockersPublishedKeyIsTheDefaultExpectation()
    {
        using var m = new DockerFixture(DockerFixture.UbuntuNoble, ("ca-certificates", "1"));
        m.AddKey("ubuntu", "mirror-key.asc");
        var error = await Assert.ThrowsAsync<DockerException>(() => InstallAsync(m, new DockerInstallOptions()));
        Assert.Contains("9DC8 5822 9FC7 DD38 854A E2D8 8D81 803C 0EBF CD88 (Docker's published key)", error.Message);
    }

    [Fact]
    public async Task AKeyFileWithASecondKeyIsRefused()
    {
        using var m = new DockerFixture(DockerFixture.UbuntuNoble, ("ca-certificates", "1"));
        m.AddKey("ubuntu", "two-keys.asc");
        var error = await Assert.ThrowsAsync<DockerException>(() => InstallAsync(m, new DockerInstallOptions { KeyFingerprint = DockerFixture.MirrorKeyFingerprint }));
        Assert.Equal(DockerErrorKind.KeyFingerprintMismatch, error.Kind);
        Assert.Contains("and nothing else", error.Message);
    }

    [Fact]
    public async Task VersionIsResolvedFromAptCacheMadisonAndPinsEngineAndCli()
    {
        using var m = new DockerFixture(DockerFixture.UbuntuNoble, ("ca-certificates", "1"));
        m.AddKey("ubuntu", "mirror-key.asc");
        m.Madison =
            " docker-ce | 5:29.4.0-1~ubuntu.24.04~noble | https://download.docker.com/linux/ubuntu noble/stable amd64 Packages\n" +
            " docker-ce | 5:28.5.2-1~ubuntu.24.04~noble | https://download.docker.com/linux/ubuntu noble/stable amd64 Packages\n" +
            " docker-ce | 5:28.1.1-1~ubuntu.24.04~noble | https://download.docker.com/linux/ubuntu noble/stable amd64 Packages\n";
        await InstallAsync(m, new DockerInstallOptions { KeyFingerprint = DockerFixture.MirrorKeyFingerprint, Version = "28", NoStart = true });
        Assert.Contains("apt-cache madison docker-ce", m.Commands);
        Assert.Equal(
            new[] { "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "docker-ce=5:28.5.2-1~ubuntu.24.04~noble", "docker-ce-cli=5:28.5.2-1~ubuntu.24.04~noble", "containerd.io", "docker-buildx-plugin", "docker-compose-plugin" },
            m.Runner.Commands.Last().Arguments);

        var missing = await Assert.ThrowsAsync<DockerException>(() => InstallAsync(m, new DockerInstallOptions { KeyFingerprint = DockerFixture.MirrorKeyFingerprint, Version = "27.0", NoStart = true }));
        Assert.Equal(DockerErrorKind.VersionNotFound, missing.Kind);
        Assert.Contains("29.4.0, 28.5.2, 28.1.1", missing.Message);
    }

    [Fact]
    public async Task ADaemonKubeLabStartedIsStoppedBeforeItsPackageIsRemoved()
    {
        using var m = new DockerFixture(DockerFixture.Debian12, ("docker.io", "20.10.24"), ("ca-certificates", "1"));
        m.AddKey("debian", "mirror-key.asc");
        File.WriteAllText(m.Paths.DaemonPidFile, "4242\n");
        await InstallAsync(m, new DockerInstallOptions { KeyFingerprint = DockerFixture.MirrorKeyFingerprint, NoStart = true });
        Assert.Equal($"start-stop-daemon --stop --pidfile {m.Paths.DaemonPidFile} --remove-pidfile --retry TERM/20/KILL/5", m.Commands[1]);
        Assert.Equal($"{Apt} remove -y docker.io", m.Commands[2]);
    }

    [Fact]
    public async Task StaleDockerListIsRemovedAndMissingPrerequisitesInstalled()
    {
        using var m = new DockerFixture(DockerFixture.Debian12);
        m.AddKey("debian", "mirror-key.asc");
        File.WriteAllText(m.Paths.LegacyList, "deb [arch=amd64] https://download.docker.com/linux/debian bookworm stable\n");
        await InstallAsync(m, new DockerInstallOptions { KeyFingerprint = DockerFixture.MirrorKeyFingerprint, NoStart = true });
        Assert.Contains($"{Apt} update", m.Commands);
        Assert.Contains($"{Apt} install -y ca-certificates", m.Commands);
        Assert.Contains($"rm -f -- {m.Paths.LegacyList}", m.Commands);
        Assert.DoesNotContain(m.Commands, c => c.StartsWith("start-stop-daemon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DistributionPlanInstallsDockerIoAndStartsTheDaemon()
    {
        using var m = new DockerFixture(DockerFixture.Debian12);
        File.WriteAllText(m.Paths.InitScript, "#!/bin/sh\n");
        m.Failures["service docker start"] = 1;
        m.Failures["/usr/sbin/service docker start"] = 1;
        var engine = await InstallAsync(m, new DockerInstallOptions { Source = DockerSource.Distribution });
        Assert.Equal($"{Apt} update", m.Commands[0]);
        Assert.Equal($"{Apt} install -y docker.io", m.Commands[1]);
        Assert.Matches("service docker start$", m.Commands[2]); // the init script first, which fails here on ulimit...
        Assert.StartsWith("start-stop-daemon --start", m.Commands[3]); // ...then dockerd in the background
        Assert.Equal("Background", engine!.StartedBy);
        Assert.Contains(m.Log.Messages, l => l.Contains("starting dockerd in the background instead"));
    }

    [Fact]
    public async Task SystemdStartsTheServiceWhereItIsPidOne()
    {
        using var m = new DockerFixture(DockerFixture.UbuntuNoble, ("docker.io", "24.0.7"));
        File.WriteAllText(m.Paths.InitComm, "systemd\n");
        m.Failures["systemctl start docker"] = 0;
        var installer = m.Installer();
        var plan = await installer.PlanInstallAsync(new DockerInstallOptions { Source = DockerSource.Distribution }, default);
        m.Api.Running = false;
        // systemctl "starts" it: the fake answers once the command was seen.
        var task = installer.InstallAsync(plan, (_, _) => true, null, default);
        await Task.Delay(300);
        m.Api.Running = true;
        var engine = await task;
        Assert.Equal(new[] { "systemctl start docker" }, m.Commands);
        Assert.Equal(DockerInstallStatus.AlreadyInstalled, engine!.Status);
        Assert.Equal("Systemd", engine.StartedBy);
    }

    [Fact]
    public async Task AlreadyInstalledAndAnsweringRunsNothing()
    {
        using var m = new DockerFixture(DockerFixture.Debian12,
            ("docker-ce", "5:29.4.0-1~debian.12~bookworm"), ("docker-ce-cli", "5:29.4.0-1~debian.12~bookworm"), ("containerd.io", "1.7.27-1"),
            ("docker-buildx-plugin", "0.23.0-1~debian.12~bookworm"), ("docker-compose-plugin", "2.35.1-1~debian.12~bookworm"));
        File.WriteAllText(m.Paths.Sources, "Types: deb\n");
        m.Api.Running = true;
        var engine = await InstallAsync(m, new DockerInstallOptions { Version = "29.4" });
        Assert.Empty(m.Runner.Commands);
        Assert.Equal(DockerInstallStatus.AlreadyInstalled, engine!.Status);
        Assert.Equal(DockerSource.Official, engine.Source);
        Assert.Null(engine.StartedBy);

        // Another version is not "already installed".
        var installer = m.Installer();
        var plan = await installer.PlanInstallAsync(new DockerInstallOptions { Version = "28.1" }, default);
        Assert.False(plan.PackagesInPlace);
    }

    [Fact]
    public async Task WhatIfListsTheWholePlanAndRunsOnlyReadOnlyQueries()
    {
        using var m = new DockerFixture(DockerFixture.UbuntuNoble, ("docker.io", "24.0.7"), ("ca-certificates", "1"));
        var installer = m.Installer();
        var plan = await installer.PlanInstallAsync(new DockerInstallOptions { ListWholePlan = true, Version = "29.4" }, default);
        var shown = new List<string>();
        var engine = await installer.InstallAsync(plan, (target, action) => { shown.Add(action + " | " + target); return false; }, null, default);
        Assert.Null(engine);
        Assert.Equal(new[] { "dpkg --print-architecture" }, m.Commands);
        Assert.Equal(8, shown.Count);
        Assert.Contains("'docker-ce=<the version matching '\\''29.4'\\'' in apt-cache madison docker-ce>'", shown[6]);
        Assert.StartsWith("Start the Docker daemon", shown[7]);
    }

    [Fact]
    public async Task ADeclinedStepStopsThePlanWithoutWhatIf()
    {
        using var m = new DockerFixture(DockerFixture.UbuntuNoble, ("ca-certificates", "1"));
        m.AddKey("ubuntu", "mirror-key.asc");
        var installer = m.Installer();
        var plan = await installer.PlanInstallAsync(new DockerInstallOptions { KeyFingerprint = DockerFixture.MirrorKeyFingerprint }, default);
        var asked = 0;
        var engine = await installer.InstallAsync(plan, (_, _) => ++asked < 3, null, default);
        Assert.Null(engine);
        Assert.Equal(3, asked);
        Assert.Equal(new[] { "dpkg --print-architecture", $"install -m 0755 -d {m.Paths.KeyringFolder}" }, m.Commands);
    }

    [Fact]
    public async Task WithoutRootPrivilegedStepsGoThroughSudoN()
    {
        using var m = new DockerFixture(DockerFixture.Debian12, ("ca-certificates", "1"));
        m.Uid = 1000;
        m.AddKey("debian", "mirror-key.asc");
        await InstallAsync(m, new DockerInstallOptions { KeyFingerprint = DockerFixture.MirrorKeyFingerprint, NoStart = true });
        Assert.Equal("dpkg --print-architecture", m.Commands[0]); // read-only: not elevated
        Assert.Equal("sudo -n true", m.Commands[1]);
        Assert.All(m.Commands.Skip(2), c => Assert.StartsWith("sudo -n -- ", c));
    }

    [Fact]
    public async Task WithoutRootOrSudoItFailsSayingWhatToRunAndChangesNothing()
    {
        using var m = new DockerFixture(DockerFixture.Debian12, ("ca-certificates", "1"));
        m.Uid = 1000;
        m.SudoWorks = false;
        m.AddKey("debian", "mirror-key.asc");
        var error = await Assert.ThrowsAsync<ElevationRequiredException>(() => InstallAsync(m, new DockerInstallOptions { KeyFingerprint = DockerFixture.MirrorKeyFingerprint }));
        Assert.Contains("sudo pwsh", error.Message);
        Assert.Equal(new[] { "dpkg --print-architecture", "sudo -n true" }, m.Commands);
    }

    [Fact]
    public async Task AFailingAptCommandSaysWhichCommandAndWhy()
    {
        using var m = new DockerFixture(DockerFixture.Debian12);
        m.Failures[$"{Apt} install"] = 100;
        var error = await Assert.ThrowsAsync<DockerException>(() => InstallAsync(m, new DockerInstallOptions { Source = DockerSource.Distribution }));
        Assert.Equal(DockerErrorKind.CommandFailed, error.Kind);
        Assert.Contains($"'{Apt} install -y docker.io' exited with code 100", error.Message);
        Assert.Contains("E: simulated failure", error.Message);
    }

    [Fact]
    public async Task UninstallPurgesPackagesRemovesRepositoryFilesAndKeepsDataUnlessAsked()
    {
        using var m = new DockerFixture(DockerFixture.Debian12, ("docker-ce", "5:29.4.0-1"), ("docker-ce-cli", "5:29.4.0-1"), ("containerd.io", "1.7"));
        Directory.CreateDirectory(Path.GetDirectoryName(m.Paths.Keyring)!);
        File.WriteAllText(m.Paths.Keyring, "k");
        File.WriteAllText(m.Paths.Sources, "s");
        Directory.CreateDirectory(m.Paths.DataRoot);
        var installer = m.Installer();
        var steps = await installer.PlanUninstallAsync(removeData: false, default);
        Assert.True(await installer.UninstallAsync(steps, false, (_, _) => true, null, default));
        Assert.Equal(new[]
        {
            $"{Apt} purge -y docker-ce docker-ce-cli containerd.io",
            $"rm -f -- {m.Paths.Sources} {m.Paths.Keyring}",
        }, m.Commands);

        var withData = await installer.PlanUninstallAsync(removeData: true, default);
        Assert.Equal($"rm -rf -- {m.Paths.DataRoot}", withData.Last().Target);
    }
}
