using KubeLab.Processes;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Processes;

public sealed class ElevationTests
{
    private static CommandResult Exit(int code) => new(code, "", "", TimeSpan.Zero);

    private static (Elevation, RecordingCommandRunner) For(uint uid, string? sudoUser, int sudoExit = 0, string user = "ana")
    {
        var runner = new RecordingCommandRunner(_ => Exit(sudoExit));
        return (new Elevation(new SystemIdentity(runner, uid, sudoUser, uid == 0 ? "root" : user, uid == 0 ? "/root" : "/home/" + user)), runner);
    }

    [Fact]
    public async Task RootRunsPrivilegedCommandsDirectly()
    {
        var (elevation, runner) = For(0, null);
        var command = await elevation.AsRootAsync(new CommandSpec("apt-get", "install", "-y", "docker.io"), "Installing Docker", default);
        Assert.Equal("apt-get install -y docker.io", command.Display);
        Assert.Empty(runner.Commands); // no sudo probe as root
    }

    [Fact]
    public async Task UserWithPasswordlessSudoGetsSudoN()
    {
        var (elevation, runner) = For(1000, null, sudoExit: 0);
        var command = await elevation.AsRootAsync(new CommandSpec("usermod", "-aG", "docker", "ana"), "Adding ana to docker", default);
        Assert.Equal("sudo -n -- usermod -aG docker ana", command.Display);
        await elevation.AsRootAsync(new CommandSpec("true"), "again", default);
        Assert.Equal(new[] { "sudo -n true" }, runner.Commands.Select(c => c.Display)); // probed once
    }

    [Fact]
    public async Task VariablesTheCommandSetsCrossSudoThroughEnvBecauseSudoResetsTheEnvironment()
    {
        var (elevation, _) = For(1000, null, sudoExit: 0);
        var command = new CommandSpec("apt-get", "install", "-y", "docker.io");
        command.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        command.Environment["APT_CONFIG"] = null;
        var wrapped = await elevation.AsRootAsync(command, "Installing Docker", default);
        Assert.Equal("sudo -n -- env DEBIAN_FRONTEND=noninteractive -u APT_CONFIG apt-get install -y docker.io", wrapped.Display);
    }

    [Fact]
    public async Task UserWithoutSudoGetsAClearErrorAndNothingRuns()
    {
        var (elevation, runner) = For(1000, null, sudoExit: 1);
        var error = await Assert.ThrowsAsync<ElevationRequiredException>(() => elevation.AsRootAsync(new CommandSpec("apt-get", "update"), "Installing Docker", default));
        Assert.Contains("Installing Docker needs root", error.Message);
        Assert.Contains("sudo -v", error.Message);
        Assert.Equal(new[] { "sudo -n true" }, runner.Commands.Select(c => c.Display));
    }

    [Fact]
    public void UnderSudoTheInvokingUserRunsWhatRefusesRoot()
    {
        var (elevation, _) = For(0, "root-not-me");
        Assert.True(elevation.Identity.IsElevatedThroughSudo);
        var command = elevation.AsInvokingUser(new CommandSpec("minikube", "start", "--driver=docker"), "minikube");
        Assert.Equal("sudo -n -u root-not-me -H -- minikube start --driver=docker", command.Display);
        Assert.Equal("/home/root-not-me", command.Environment["HOME"]); // not in the passwd database: the usual place
    }

    [Fact]
    public void PlainRootCannotRunWhatRefusesRoot()
    {
        var (elevation, _) = For(0, null);
        var error = Assert.Throws<ElevationRequiredException>(() => elevation.AsInvokingUser(new CommandSpec("minikube", "start"), "minikube's docker driver"));
        Assert.Contains("must not run as root", error.Message);
    }

    [Fact]
    public void AUserRunsEverythingAsThemselves()
    {
        var (elevation, _) = For(1000, "mallory");
        Assert.False(elevation.Identity.IsRoot);
        Assert.Equal("ana", elevation.Identity.InvokingUser); // SUDO_USER means nothing unless we are root
        Assert.Equal("minikube status", elevation.AsInvokingUser(new CommandSpec("minikube", "status"), "minikube").Display);
    }

    [Theory]
    [InlineData("ana", true)]
    [InlineData("_svc-1", true)]
    [InlineData("host$", true)]
    [InlineData("Ana", false)]
    [InlineData("ana;rm -rf /", false)]
    [InlineData("$(id)", false)]
    [InlineData("-rf", false)]
    [InlineData("", false)]
    [InlineData("a234567890123456789012345678901234", false)]
    public void UserNamesFollowUseraddsDefaultRule(string name, bool valid) => Assert.Equal(valid, SystemIdentity.IsValidUserName(name));

    [Fact]
    public void AnInvalidSudoUserIsIgnored()
    {
        var (elevation, _) = For(0, "x;reboot");
        Assert.False(elevation.Identity.IsElevatedThroughSudo);
        Assert.Equal("root", elevation.Identity.InvokingUser);
    }
}
