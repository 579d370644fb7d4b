using KubeLab.Downloads;
using KubeLab.Minikube;
using KubeLab.Processes;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Minikube;

/// <summary>Command lines, user and group handling, events and failures, with a recording runner.</summary>
public sealed class MinikubeClientTests
{
    private const string Program = "/opt/bin/minikube";

    private static CommandResult Result(int code, string stdout = "", string stderr = "") => new(code, stdout, stderr, TimeSpan.Zero);

    private static readonly string Running = """{"Name":"minikube","Host":"Running","Kubelet":"Running","APIServer":"Running","Kubeconfig":"Configured","Worker":false}""";

    private sealed class Facts
    {
        public uint Uid = 1000;
        public string? SudoUser;
        public bool GroupExists = true;
        public bool Member = true;
        public bool Holds = true;
        public List<string> Warnings = new();
    }

    private static (MinikubeClient, RecordingCommandRunner) Client(Facts facts, Func<CommandSpec, CommandResult> handler)
    {
        var runner = new RecordingCommandRunner(handler);
        var identity = new SystemIdentity(runner, facts.Uid, facts.SudoUser, facts.Uid == 0 ? "root" : "ana", facts.Uid == 0 ? "/root" : "/home/ana");
        var access = new DockerGroupAccess(new Elevation(identity), "docker", (_, _) => facts.Member, _ => facts.Holds, _ => facts.GroupExists);
        return (new MinikubeClient(runner, access, new ListLog(facts.Warnings), Program), runner);
    }

    private sealed class ListLog(List<string> warnings) : IOperationLog
    {
        public void Verbose(string message)
        {
        }

        public void Warning(string message) => warnings.Add(message);
    }

    [Fact]
    public async Task StartBuildsOneArgumentPerFlagAndReturnsTheStatus()
    {
        var (client, runner) = Client(new Facts(), c => c.Arguments[0] == "status" ? Result(0, Running) : Result(0));
        var options = new MinikubeStartOptions
        {
            Profile = "lab", Driver = "docker", KubernetesVersion = "v1.33.1", Cpus = "4", Memory = "8g", DiskSize = "40g",
            Nodes = 2, ContainerRuntime = "containerd", BinaryMirror = "https://mirror.example/dl.k8s.io/release", ImageRepository = "registry.example/k8s",
        };
        options.Addons.Add("metrics-server");
        options.Addons.Add("ingress");
        var statuses = await client.StartAsync(options, null, default);
        Assert.Single(statuses);
        Assert.Equal(
            new[]
            {
                "/opt/bin/minikube start --profile=lab --output=json --driver=docker --kubernetes-version=v1.33.1 --cpus=4 --memory=8g --disk-size=40g --nodes=2 " +
                "--container-runtime=containerd --addons=metrics-server --addons=ingress --binary-mirror=https://mirror.example/dl.k8s.io/release --image-repository=registry.example/k8s",
                "/opt/bin/minikube status --profile=lab --output=json",
            },
            runner.Commands.Select(c => c.Display));
    }

    [Fact]
    public void TheBinaryMirrorKeepsTheMirrorLayout()
    {
        Assert.Equal("https://mirror.example/kubelab/dl.k8s.io/release", MinikubeClient.BinaryMirrorFor(DownloadMirror.Parse("https://mirror.example/kubelab")!));
        var folder = Directory.CreateTempSubdirectory("kubelab-mirror-").FullName;
        try
        {
            Assert.Equal(new Uri(Path.Combine(folder, "dl.k8s.io", "release")).AbsoluteUri, MinikubeClient.BinaryMirrorFor(DownloadMirror.Parse(folder)!));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public async Task StepEventsBecomeProgressInOrderAndTheErrorEventBecomesTheException()
    {
        var stream = string.Join("\n",
            MinikubeOutputTests.Event("step", """{"currentstep":"0","message":"minikube v1.38.1","name":"Initial Minikube Setup","totalsteps":"19"}"""),
            MinikubeOutputTests.Event("warning", """{"message":"careful"}"""),
            MinikubeOutputTests.Event("step", """{"currentstep":"1","message":"Using the docker driver based on user configuration","name":"Selecting Driver","totalsteps":"19"}"""),
            MinikubeOutputTests.Event("error", """{"advice":"Add your user to the 'docker' group","exitcode":"69","issues":"https://github.com/kubernetes/minikube/issues/1,https://github.com/kubernetes/minikube/issues/2","message":"permission denied","name":"PROVIDER_DOCKER_NEWGRP","url":"https://docs.docker.com/engine/install/linux-postinstall/"}"""));
        var facts = new Facts();
        var (client, runner) = Client(facts, _ => Result(69, stream));
        var seen = new List<MinikubeProgress>();
        var error = await Assert.ThrowsAsync<MinikubeException>(() => client.StartAsync(new MinikubeStartOptions(), new Recorder(seen), default));
        Assert.Equal(new[] { "Initial Minikube Setup", "Selecting Driver", "Done" }, seen.Select(p => p.StepName));
        Assert.Equal((1, 19, 5), (seen[1].CurrentStep, seen[1].TotalSteps, seen[1].PercentComplete));
        Assert.True(seen[2].Completed);
        Assert.Equal(new[] { "careful" }, facts.Warnings);
        Assert.Equal((MinikubeErrorKind.Failed, 69, "PROVIDER_DOCKER_NEWGRP"), (error.Kind, error.ExitCode!.Value, error.Reason!));
        Assert.Equal("Add your user to the 'docker' group", error.Advice);
        Assert.Equal(2, error.Issues.Count);
        Assert.StartsWith("minikube start -p minikube failed with exit code 69 (PROVIDER_DOCKER_NEWGRP): permission denied Advice: Add your user", error.Message);
        Assert.Contains("Documentation: https://docs.docker.com/engine/install/linux-postinstall/", error.Message);
        Assert.Single(runner.Commands); // no status after a failed start
    }

    private sealed class Recorder(List<MinikubeProgress> seen) : IProgress<MinikubeProgress>
    {
        public void Report(MinikubeProgress value) => seen.Add(value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(7)]
    public async Task TheStatusBitmaskIsNeverAnError(int code)
    {
        var (client, _) = Client(new Facts(), _ => Result(code, Running));
        Assert.Equal(code, Assert.Single(await client.GetStatusAsync(null, default)).ExitCode);
    }

    [Fact]
    public async Task AMissingProfileIs85ProfileNotFound()
    {
        var output = MinikubeOutputTests.Event("info", """{"message":"Profile \"nope\" not found. Run \"minikube profile list\" to view all profiles."}""") + "\n" +
                     MinikubeOutputTests.Event("info", """{"message":"To start a cluster, run: \"minikube start -p nope\""}""") + "\n";
        var (client, _) = Client(new Facts(), _ => Result(85, output));
        var error = await Assert.ThrowsAsync<MinikubeException>(() => client.GetStatusAsync("nope", default));
        Assert.Equal((MinikubeErrorKind.ProfileNotFound, 85, "nope"), (error.Kind, error.ExitCode!.Value, error.Profile!));
        Assert.Contains("Profile \"nope\" not found", error.Message);
    }

    [Fact]
    public async Task NotRunningIs83()
    {
        var (client, _) = Client(new Facts(), _ => Result(83, "", "host is not running"));
        var error = await Assert.ThrowsAsync<MinikubeException>(() => client.PauseAsync("lab", null, true, null, default));
        Assert.Equal(MinikubeErrorKind.NotRunning, error.Kind);
    }

    [Fact]
    public async Task LifecycleCommandLines()
    {
        var (client, runner) = Client(new Facts(), _ => Result(0, """{"invalid":[],"valid":[]}"""));
        await client.StopAsync("lab", false, true, null, default);
        await client.StopAsync(null, true, false, null, default);
        await client.DeleteAsync("lab", false, false, null, default);
        await client.DeleteAsync(null, true, true, null, default);
        await client.PauseAsync("lab", new[] { "default", "kube-system" }, false, null, default);
        await client.UnpauseAsync("lab", null, true, null, default);
        await client.GetProfilesAsync(default);
        Assert.Equal(
            new[]
            {
                "stop --profile=lab --keep-context-active --output=json",
                "stop --all --output=json",
                "delete --profile=lab --output=json",
                "delete --all --purge --output=json",
                "pause --profile=lab --namespaces=default,kube-system --output=json",
                "unpause --profile=lab --all-namespaces --output=json",
                "profile list --output=json",
            },
            runner.Commands.Select(c => string.Join(" ", c.Arguments)));
    }

    [Theory]
    [InlineData("-rf")]
    [InlineData("a")]
    [InlineData("lab;reboot")]
    [InlineData("lab -p other")]
    public async Task BadProfileNamesNeverReachACommand(string profile)
    {
        var (client, runner) = Client(new Facts(), _ => Result(0));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetStatusAsync(profile, default));
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task PlainRootFailsBeforeAnythingRuns()
    {
        var (client, runner) = Client(new Facts { Uid = 0 }, _ => Result(0));
        var error = await Assert.ThrowsAsync<ElevationRequiredException>(() => client.StartAsync(new MinikubeStartOptions(), null, default));
        Assert.Contains("must not run as root", error.Message);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task UnderSudoMinikubeRunsAsTheInvokingUserWithTheirHome()
    {
        var (client, runner) = Client(new Facts { Uid = 0, SudoUser = "ana-not-in-passwd" }, _ => Result(0, Running));
        await client.GetStatusAsync(null, default);
        var command = Assert.Single(runner.Commands);
        Assert.Equal("sudo -n -u ana-not-in-passwd -H -- /opt/bin/minikube status --profile=minikube --output=json", command.Display);
        Assert.Equal("/home/ana-not-in-passwd", command.Environment["HOME"]);
    }

    [Fact]
    public async Task UnderSudoAUserOutsideTheGroupCannotStartTheDockerDriver()
    {
        var (client, runner) = Client(new Facts { Uid = 0, SudoUser = "ana", Member = false }, _ => Result(0));
        var error = await Assert.ThrowsAsync<MinikubeException>(() => client.StartAsync(new MinikubeStartOptions { Driver = "docker" }, null, default));
        Assert.Equal(MinikubeErrorKind.DockerGroupRequired, error.Kind);
        Assert.Contains("Add-DockerGroupUser", error.Message);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task TheGroupTrapRunsThroughSgWithAWarningOnce()
    {
        var facts = new Facts { Holds = false, Member = true };
        var (client, runner) = Client(facts, c => Result(0, Running));
        await client.StartAsync(new MinikubeStartOptions { Profile = "lab" }, null, default);
        Assert.Equal(
            "sg docker -c 'exec '\\''/opt/bin/minikube'\\'' '\\''start'\\'' '\\''--profile=lab'\\'' '\\''--output=json'\\'''",
            runner.Commands[0].Display);
        Assert.Equal(new[] { "sg", "docker", "-c", "exec '/opt/bin/minikube' 'start' '--profile=lab' '--output=json'" }, new[] { runner.Commands[0].FileName }.Concat(runner.Commands[0].Arguments));
        var warning = Assert.Single(facts.Warnings);
        Assert.Contains("runs through 'sg docker'", warning);
    }

    [Fact]
    public async Task AUserOutsideTheGroupGetsAnErrorNamingAddDockerGroupUser()
    {
        var (client, runner) = Client(new Facts { Holds = false, Member = false }, _ => Result(0));
        var error = await Assert.ThrowsAsync<MinikubeException>(() => client.StartAsync(new MinikubeStartOptions(), null, default));
        Assert.Equal(MinikubeErrorKind.DockerGroupRequired, error.Kind);
        Assert.Contains("Run Add-DockerGroupUser", error.Message);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task AnotherDriverNeedsNoDockerGroup()
    {
        var (client, runner) = Client(new Facts { Holds = false, Member = false }, c => Result(0, Running));
        await client.StartAsync(new MinikubeStartOptions { Driver = "kvm2" }, null, default);
        Assert.Equal(Program, runner.Commands[0].FileName);
    }

    [Fact]
    public async Task NoDockerGroupOnTheMachineLeavesTheJudgementToMinikube()
    {
        var (client, runner) = Client(new Facts { GroupExists = false, Member = false, Holds = false }, c => Result(0, Running));
        await client.StartAsync(new MinikubeStartOptions(), null, default);
        Assert.Equal(Program, runner.Commands[0].FileName);
    }

    [Fact]
    public async Task SshQuotesEachArgumentForTheNodesShellAndReportsItsExitCode()
    {
        var (client, runner) = Client(new Facts(), _ => Result(1, "partial\noutput\n", "ssh: Process exited with status 3"));
        var output = await client.SshAsync("lab", "lab-m02", new[] { "sh", "-c", "echo 'a b' | wc -w" }, default);
        Assert.Equal(new[] { "ssh", "--profile=lab", "--node=lab-m02", "--", "'sh'", "'-c'", "'echo '\\''a b'\\'' | wc -w'" }, runner.Commands[0].Arguments);
        Assert.Equal(new[] { "partial", "output" }, output.Lines);
        Assert.Equal(MinikubeErrorKind.CommandExitCode, output.Failure!.Kind);
        Assert.Contains("exit code 1", output.Failure.Message);
        Assert.Contains("status 3", output.Failure.Message);
    }

    [Fact]
    public async Task KubectlPassesArgumentsAfterDashDashAndItsExitCodeSurfaces()
    {
        var (client, runner) = Client(new Facts(), _ => Result(1, "", "error: the server doesn't have a resource type \"nosuch\""));
        var output = await client.KubectlAsync(null, new[] { "get", "nosuch", "-o", "json" }, default);
        Assert.Equal("kubectl --profile=minikube -- get nosuch -o json", string.Join(" ", runner.Commands[0].Arguments));
        Assert.Equal(1, output.ExitCode);
        Assert.Contains("kubectl ended with exit code 1", output.Failure!.Message);
        var ok = await Client(new Facts(), _ => Result(0, "a\nb\n")).Item1.KubectlAsync(null, new[] { "version" }, default);
        Assert.Null(ok.Failure);
        Assert.Equal(new[] { "a", "b" }, ok.Lines);
    }

    [Fact]
    public async Task AddonsAreSetThenReadBack()
    {
        var (client, runner) = Client(new Facts(), c => c.Arguments[1] == "list"
            ? Result(0, """{"metrics-server":{"Profile":"lab","Status":"enabled"}}""")
            : Result(0, "* The 'metrics-server' addon is enabled"));
        var addon = await client.SetAddonAsync("metrics-server", "lab", true, default);
        Assert.True(addon.Enabled);
        Assert.Equal(new[] { "addons enable metrics-server --profile=lab", "addons list --profile=lab --output=json" }, runner.Commands.Select(c => string.Join(" ", c.Arguments)));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SetAddonAsync("--all", "lab", true, default));
    }

    [Fact]
    public void MinikubeIsFoundOnPathAsAFullPath()
    {
        var folder = Directory.CreateTempSubdirectory("kubelab-path-").FullName;
        try
        {
            Assert.Null(MinikubeClient.FindOnPath("/nonexistent-kubelab:" + folder));
            File.WriteAllText(Path.Combine(folder, "minikube"), "");
            Assert.Equal(Path.Combine(folder, "minikube"), MinikubeClient.FindOnPath("/nonexistent-kubelab::" + folder + "/."));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task TextModeFailuresKeepMinikubesReason()
    {
        var (client, _) = Client(new Facts(), _ => Result(10, "", "X Exiting due to MK_ADDON_ENABLE: enable failed: nosuch is not a valid addon\n"));
        var error = await Assert.ThrowsAsync<MinikubeException>(() => client.SetAddonAsync("nosuch", "lab", true, default));
        Assert.Equal(("MK_ADDON_ENABLE", 10), (error.Reason!, error.ExitCode!.Value));
        Assert.Equal("minikube addons enable nosuch -p lab failed with exit code 10 (MK_ADDON_ENABLE): enable failed: nosuch is not a valid addon", error.Message);
    }

    [Fact]
    public async Task AnErrorEventWithoutExitCodeIsAWarningWhenMinikubeSucceeds()
    {
        var output = MinikubeOutputTests.Event("error", """{"message":"\"gone\" profile does not exist, trying anyways."}""") + "\n";
        var facts = new Facts();
        var (client, _) = Client(facts, _ => Result(0, output));
        await client.DeleteAsync("gone", false, false, null, default);
        Assert.Equal(new[] { "\"gone\" profile does not exist, trying anyways." }, facts.Warnings);
    }

    [Theory]
    [InlineData("4096", "4096")]
    [InlineData("4g", "4g")]
    [InlineData("max", "max")]
    [InlineData("4294967296", "4096mb")]
    [InlineData("42949672960", "40960mb")]
    public void PowerShellByteSizesReachMinikubeInMegabytes(string given, string passed) => Assert.Equal(passed, MinikubeClient.Size(given));
}
