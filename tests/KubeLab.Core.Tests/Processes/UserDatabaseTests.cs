using KubeLab.Processes;
using Xunit;

namespace KubeLab.Tests.Processes;

/// <summary>Against the real group and passwd databases: a throwaway user and group made with useradd/groupadd.</summary>
public sealed class UserDatabaseTests : IDisposable
{
    private readonly string _user = "klt" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _group = "klg" + Guid.NewGuid().ToString("N")[..8];

    public UserDatabaseTests()
    {
        Run("groupadd", _group);
        Run("useradd", "--create-home", "--home-dir", "/tmp/" + _user, "-G", _group, _user);
    }

    public void Dispose()
    {
        Run("userdel", "--remove", _user);
        Run("groupdel", _group);
    }

    [Fact]
    public void ReadsMembershipHomeAndPrimaryGroupFromTheDatabases()
    {
        var group = UserDatabase.FindGroup(_group);
        Assert.NotNull(group);
        Assert.Contains(_user, group!.Members);
        Assert.True(UserDatabase.IsGroupMember(_user, _group));
        Assert.True(UserDatabase.IsGroupMember(_user, _user)); // the primary group useradd made lists nobody
        Assert.False(UserDatabase.IsGroupMember("root", _group));
        Assert.Equal("/tmp/" + _user, UserDatabase.HomeOf(_user));
        Assert.Null(UserDatabase.FindGroup("no-such-group-kubelab"));
        Assert.Null(UserDatabase.HomeOf("no-such-user-kubelab"));
    }

    [Fact]
    public void ThisProcessDoesNotHoldAGroupMadeAfterItStarted()
    {
        // The "added to docker but still permission denied" case: the database says member, the process does not hold it.
        Assert.False(UserDatabase.ProcessHoldsGroup(_group));
        Assert.True(UserDatabase.ProcessHoldsGroup("root") == (UserDatabase.EffectiveUserId() == 0 || UserDatabase.ProcessGroupIds().Contains(0u)));
    }

    [Fact]
    public void TheIdentityFindsTheSudoUsersHome()
    {
        var identity = new SystemIdentity(new Support.RecordingCommandRunner(_ => throw new InvalidOperationException()), 0, _user, "root", "/root");
        Assert.Equal(_user, identity.InvokingUser);
        Assert.Equal("/tmp/" + _user, identity.InvokingUserHome);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
    }
}
