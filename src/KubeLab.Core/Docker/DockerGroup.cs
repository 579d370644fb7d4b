using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Processes;

namespace KubeLab.Docker
{
    /// <summary>A user and the docker group: in the group database, and in effect for this session.</summary>
    public sealed class DockerGroupMembership
    {
        public string UserName { get; set; } = string.Empty;

        public string Group { get; set; } = DockerGroup.GroupName;

        /// <summary>Whether the group database lists the user in the group (what `getent group docker` shows).</summary>
        public bool IsMember { get; set; }

        /// <summary>
        /// Whether this very process already holds the group and can open the Docker socket. False right after
        /// Add-DockerGroupUser: a session started before the change keeps its old groups until the user logs in again.
        /// </summary>
        public bool IsActiveInSession { get; set; }

        /// <summary>What to do when membership is not in effect yet (log in again, or `newgrp docker`).</summary>
        public string? Advice { get; set; }
    }

    /// <summary>
    /// Add-, Get- and Remove-DockerGroupUser: the docker group (docs: linux-postinstall), created when missing.
    /// User names are checked against the system's rules before any command sees them, and go to groupadd,
    /// usermod and gpasswd as single arguments, never through a shell.
    /// </summary>
    public sealed class DockerGroup
    {
        public const string GroupName = "docker";

        private readonly DockerCommands _commands;
        private readonly SystemIdentity _identity;
        private readonly string _socket;

        public DockerGroup(DockerCommands commands, string socket = "/var/run/docker.sock")
        {
            _commands = commands;
            _identity = commands.Elevation.Identity;
            _socket = socket;
        }

        /// <summary>Who is meant when no name is given: SUDO_USER under sudo, else the current user.</summary>
        public string DefaultUser => _identity.InvokingUser;

        /// <summary>Every listed member of the docker group, and the invoking user.</summary>
        public IEnumerable<string> DefaultUsers()
        {
            var members = UserDatabase.FindGroup(GroupName)?.Members ?? Array.Empty<string>();
            return members.Concat(new[] { DefaultUser }).Distinct(StringComparer.Ordinal);
        }

        /// <summary>The name, checked: valid by the system's rules and present in the passwd database.</summary>
        /// <exception cref="DockerException">Not a valid name, or no such user.</exception>
        public static string Validate(string userName)
        {
            if (!SystemIdentity.IsValidUserName(userName))
            {
                throw new DockerException(
                    DockerErrorKind.InvalidUserName,
                    $"'{userName}' is not a valid user name (lower-case letters, digits, '_' and '-', starting with a letter or '_', at most 32 characters). Nothing was run.");
            }

            if (UserDatabase.PrimaryGroupId(userName) == null)
            {
                throw new DockerException(DockerErrorKind.UserNotFound, $"There is no user '{userName}' on this system (getent passwd {userName} finds nothing). Nothing was run.");
            }

            return userName;
        }

        public DockerGroupMembership Get(string userName)
        {
            Validate(userName);
            var isMember = UserDatabase.IsGroupMember(userName, GroupName);
            var isThisProcess = userName == _identity.UserName;
            var active = isThisProcess && (_identity.IsRoot || (UserDatabase.ProcessHoldsGroup(GroupName) && CanOpenSocket()));
            return new DockerGroupMembership
            {
                UserName = userName,
                IsMember = isMember,
                IsActiveInSession = active,
                Advice = AdviceFor(userName, isMember, active, isThisProcess),
            };
        }

        /// <summary>The step that adds a user (and creates the group first when missing).</summary>
        public IReadOnlyList<DockerStep> PlanAdd(string userName)
        {
            Validate(userName);
            var steps = new List<DockerStep>();
            if (UserDatabase.FindGroup(GroupName) == null)
            {
                var groupadd = new CommandSpec("groupadd", "-f", GroupName);
                steps.Add(new DockerStep(groupadd.Display, "Run (Creating the docker group)", ct => _commands.RunAsRootAsync(groupadd, "Creating the docker group", ct)));
            }

            if (!UserDatabase.IsGroupMember(userName, GroupName))
            {
                var usermod = new CommandSpec("usermod", "-aG", GroupName, userName);
                steps.Add(new DockerStep(usermod.Display, $"Run (Adding {userName} to the docker group, which is root-equivalent)", ct => _commands.RunAsRootAsync(usermod, "Adding " + userName + " to the docker group", ct)));
            }

            return steps;
        }

        /// <summary>The step that removes a user from the group; empty when the user is not listed in it.</summary>
        public IReadOnlyList<DockerStep> PlanRemove(string userName)
        {
            Validate(userName);
            var group = UserDatabase.FindGroup(GroupName);
            if (group == null || !group.Members.Contains(userName))
            {
                return Array.Empty<DockerStep>();
            }

            var gpasswd = new CommandSpec("gpasswd", "-d", userName, GroupName);
            return new[] { new DockerStep(gpasswd.Display, $"Run (Removing {userName} from the docker group)", ct => _commands.RunAsRootAsync(gpasswd, "Removing " + userName + " from the docker group", ct)) };
        }

        public async Task<DockerGroupMembership?> ApplyAsync(string userName, IReadOnlyList<DockerStep> steps, Func<string, string, bool> shouldProcess, CancellationToken cancellationToken)
        {
            foreach (var step in steps)
            {
                if (!shouldProcess(step.Target, step.Action))
                {
                    return null;
                }

                await step.Run(cancellationToken).ConfigureAwait(false);
            }

            return Get(userName);
        }

        private static string? AdviceFor(string userName, bool isMember, bool active, bool isThisProcess)
        {
            if (active)
            {
                return null;
            }

            if (!isMember)
            {
                return $"{userName} is not in the docker group: docker needs sudo. Add-DockerGroupUser -UserName {userName} adds it.";
            }

            return isThisProcess
                ? $"{userName} is in the docker group, but this session started before that and still runs without it, so docker says 'permission denied' on the socket. Log out and in again (a VM may need a reboot), or run 'newgrp docker' in the shell you use."
                : $"{userName} is in the docker group; sessions of {userName} opened before the change still run without it and get 'permission denied' from docker. {userName} must log out and in again, or run 'newgrp docker' in an open shell.";
        }

        private bool CanOpenSocket()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return false;
            }

            // No socket (the daemon is down): the group decides once it is there (dockerd makes it root:docker 0660).
            if (!System.IO.File.Exists(_socket))
            {
                return true;
            }

            // Read and write permission with the effective ids, as connect(2) will check them.
            return NativeMethods.faccessat(NativeMethods.AtFdCwd, _socket, NativeMethods.ReadWrite, NativeMethods.AtEaccess) == 0;
        }

        private static class NativeMethods
        {
            internal const int AtFdCwd = -100;
            internal const int AtEaccess = 0x200;
            internal const int ReadWrite = 4 | 2;

            [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
            internal static extern int faccessat(int dirfd, string pathname, int mode, int flags);
        }
    }
}
