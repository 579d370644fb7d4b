using System.Diagnostics;
using KubeLab.Minikube;
using KubeLab.Processes;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Minikube;

/// <summary>
/// The docker group trap with a real user and a real group (useradd/groupadd, removed afterwards): the user is
/// in the group in /etc/group, but their session does not hold it (setpriv --clear-groups starts a session as
/// that user with no supplementary groups, as a login from before `usermod -aG` has). The group is the test's
/// own, so nothing depends on Docker being installed.
/// </summary>
public sealed class DockerGroupRealTests : IDisposable
{
    private readonly string _group = "klmg" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _member = "klmm" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _outsider = "klmo" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _folder;
    private readonly string _program;

    public DockerGroupRealTests()
    {
        Run("groupadd", _group);
        Run("useradd", "--create-home", "--home-dir", "/tmp/" + _member, "-G", _group, _member);
        Run("useradd", "--create-home", "--home-dir", "/tmp/" + _outsider, _outsider);

        // A minikube that shows who runs it, with which groups, and the exact arguments it got.
        _program = FakeTools.WriteExecutable("minikube", "#!/bin/sh\nid -un\nid -Gn\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done\n");
        _folder = Path.GetDirectoryName(_program)!;
        File.SetUnixFileMode(_folder, (UnixFileMode)0x1ED); // reachable by the test users
    }

    public void Dispose()
    {
        Run("userdel", "--remove", _member);
        Run("userdel", "--remove", _outsider);
        Run("groupdel", _group);
        Directory.Delete(_folder, true);
    }

    [Fact]
    public void TheSessionReallyLacksTheGroupTheDatabaseGivesTheUser()
    {
        Assert.True(UserDatabase.IsGroupMember(_member, _group));
        Assert.False(UserDatabase.ProcessHoldsGroup(_group));
        var groups = RunAs(_member, "id", "-Gn");
        Assert.DoesNotContain(_group, groups.Split(' ', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task AMemberWhoseSessionLacksTheGroupRunsMinikubeThroughSgWithEveryArgumentIntact()
    {
        var warnings = new List<string>();
        var client = ClientFor(_member, warnings);
        string[] nasty = ["get", "a b", "it's", "$(id -u)", "`uname`", "", "*", "--x=1;reboot", "\"q\"", "back\\slash", "new\nline"];
        var output = await client.KubectlAsync("lab", nasty, default);

        Assert.Null(output.Failure);
        Assert.Equal(_member, output.Lines[0]);
        Assert.Contains(_group, output.Lines[1].Split(' '));
        var args = string.Join("\n", output.Lines.Skip(2));
        Assert.Equal(string.Join("\n", new[] { "kubectl", "--profile=lab", "--" }.Concat(nasty).Select(a => "[" + a + "]")), args);
        Assert.Contains($"runs through 'sg {_group}'", Assert.Single(warnings));
    }

    [Fact]
    public async Task AUserOutsideTheGroupGetsAClearErrorAndNothingRuns()
    {
        var client = ClientFor(_outsider, new List<string>());
        var error = await Assert.ThrowsAsync<MinikubeException>(() => client.StartAsync(new MinikubeStartOptions { Driver = "docker" }, null, default));
        Assert.Equal(MinikubeErrorKind.DockerGroupRequired, error.Kind);
        Assert.Contains($"needs {_outsider} in the '{_group}' group", error.Message);
        Assert.Contains("Add-DockerGroupUser", error.Message);
    }

    private MinikubeClient ClientFor(string user, List<string> warnings)
    {
        var runner = new AsUserRunner(user, new CliWrapCommandRunner(NullOperationLog.Instance));
        var identity = new SystemIdentity(runner, Uid(user), null, user, "/tmp/" + user);
        var access = new DockerGroupAccess(new Elevation(identity), _group, UserDatabase.IsGroupMember, UserDatabase.ProcessHoldsGroup, g => UserDatabase.FindGroup(g) != null);
        return new MinikubeClient(runner, access, new WarningLog(warnings), _program);
    }

    /// <summary>Runs every command in a session of the user with no supplementary groups.</summary>
    private sealed class AsUserRunner(string user, ICommandRunner inner) : ICommandRunner
    {
        public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
        {
            var wrapped = new CommandSpec("setpriv", new[] { "--reuid=" + user, "--regid=" + Gid(user), "--clear-groups", "--", command.FileName }.Concat(command.Arguments));
            return inner.RunAsync(wrapped, cancellationToken);
        }
    }

    private sealed class WarningLog(List<string> warnings) : IOperationLog
    {
        public void Verbose(string message)
        {
        }

        public void Warning(string message) => warnings.Add(message);
    }

    private static uint Uid(string user) => uint.Parse(Output("id", "-u", user));

    private static string Gid(string user) => Output("id", "-g", user);

    private static string RunAs(string user, params string[] command) =>
        Output(new[] { "setpriv", "--reuid=" + user, "--regid=" + Gid(user), "--clear-groups", "--" }.Concat(command).ToArray());

    private static string Output(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true };
        foreach (var a in command.Skip(1))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }

    /// <summary>Runs useradd/groupadd/userdel, retrying while another test (xUnit runs classes in parallel) holds /etc/passwd's lock.</summary>
    private static void Run(params string[] command)
    {
        for (var attempt = 1; ; attempt++)
        {
            var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true };
            foreach (var a in command.Skip(1))
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0)
            {
                return;
            }

            if (attempt < 50 && error.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                Thread.Sleep(100);
                continue;
            }

            throw new InvalidOperationException($"{string.Join(" ", command)} failed ({process.ExitCode}): {error}");
        }
    }
}
