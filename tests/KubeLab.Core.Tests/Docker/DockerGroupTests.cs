using KubeLab.Docker;
using KubeLab.Processes;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Docker;

public sealed class DockerGroupTests
{
    private static (DockerGroup, RecordingCommandRunner) For(uint uid, string? sudoUser = null, int sudoExit = 0)
    {
        var runner = new RecordingCommandRunner(c => new CommandResult(c.Display == "sudo -n true" ? sudoExit : 0, "", "", TimeSpan.Zero));
        var identity = new SystemIdentity(runner, uid, sudoUser, uid == 0 ? "root" : "ana", uid == 0 ? "/root" : "/home/ana");
        return (new DockerGroup(new DockerCommands(runner, new Elevation(identity))), runner);
    }

    [Theory]
    [InlineData("x; rm -rf /")]
    [InlineData("$(id)")]
    [InlineData("-oops")]
    [InlineData("Root")]
    [InlineData("a b")]
    [InlineData("averyveryveryveryverylongusername1")]
    public void NamesAgainstTheSystemsRulesAreRefusedBeforeAnythingRuns(string name)
    {
        var (group, runner) = For(0);
        var error = Assert.Throws<DockerException>(() => group.PlanAdd(name));
        Assert.Equal(DockerErrorKind.InvalidUserName, error.Kind);
        Assert.Throws<DockerException>(() => group.PlanRemove(name));
        Assert.Throws<DockerException>(() => group.Get(name));
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public void AnUnknownUserIsRefusedBeforeAnythingRuns()
    {
        var (group, runner) = For(0);
        var error = Assert.Throws<DockerException>(() => group.PlanAdd("kubelab-no-such-user"));
        Assert.Equal(DockerErrorKind.UserNotFound, error.Kind);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task AddingIsUsermodAppendWithTheNameAsOneArgumentAndTheGroupCreatedWhenMissing()
    {
        var (group, runner) = For(0);
        var steps = group.PlanAdd("root"); // root exists everywhere and is never listed in the docker group
        var groupExists = UserDatabase.FindGroup("docker") != null;
        Assert.Equal(groupExists ? 1 : 2, steps.Count);
        if (!groupExists)
        {
            Assert.Equal("groupadd -f docker", steps[0].Target);
        }

        Assert.Equal("usermod -aG docker root", steps.Last().Target);
        Assert.Null(await group.ApplyAsync("root", steps, (_, _) => false, default)); // declined: nothing runs
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task WithoutRootOrSudoAddingFailsWithWhatToRun()
    {
        var (group, runner) = For(1000, sudoExit: 1);
        var steps = group.PlanAdd("root");
        await Assert.ThrowsAsync<ElevationRequiredException>(() => group.ApplyAsync("root", steps, (_, _) => true, default));
        Assert.Equal(new[] { "sudo -n true" }, runner.Commands.Select(c => c.Display));
    }

    [Fact]
    public void TheDefaultUserIsTheOneWhoInvokedSudo()
    {
        var (group, _) = For(0, sudoUser: "root");
        Assert.Equal("root", group.DefaultUser);
        Assert.Contains("root", group.DefaultUsers());
    }

    [Fact]
    public void RemovingSomeoneNotListedIsNothingToDo()
    {
        var (group, _) = For(0);
        Assert.Empty(group.PlanRemove("root"));
    }

    [Fact]
    public void RootIsActiveInItsSessionAndAnotherUsersSessionIsNotThisOne()
    {
        var (group, _) = For(0);
        var root = group.Get("root");
        Assert.True(root.IsActiveInSession);
        Assert.Null(root.Advice);

        var (asAna, _) = For(1000);
        var other = asAna.Get("root");
        Assert.False(other.IsActiveInSession);
        Assert.Contains("Add-DockerGroupUser", other.Advice);
    }
}
