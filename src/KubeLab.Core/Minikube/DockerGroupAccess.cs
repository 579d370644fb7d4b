using System;
using KubeLab.Processes;

namespace KubeLab.Minikube
{
    /// <summary>
    /// How a minikube command must run to reach Docker as the right user with the right group. minikube's docker
    /// driver refuses root, so under sudo it runs as the invoking user (sudo gives that user every group the
    /// group database lists). Without root, the trap is a user who was added to the docker group after logging
    /// in: the group database says yes, this session does not hold the group yet. Such a command runs through
    /// `sg docker` instead of failing. A user who is not in the group at all gets an error naming Add-DockerGroupUser.
    /// </summary>
    public sealed class DockerGroupAccess
    {
        public const string DefaultGroup = "docker";

        /// <summary>The group that owns the Docker socket, when a site names it differently (dockerd --group).</summary>
        public const string GroupVariable = "KUBELAB_DOCKER_GROUP";

        private readonly Elevation _elevation;
        private readonly Func<string, string, bool> _isMember;
        private readonly Func<string, bool> _processHolds;
        private readonly Func<string, bool> _groupExists;

        public DockerGroupAccess(Elevation elevation, string group, Func<string, string, bool> isMember, Func<string, bool> processHolds, Func<string, bool> groupExists)
        {
            _elevation = elevation;
            Group = group;
            _isMember = isMember;
            _processHolds = processHolds;
            _groupExists = groupExists;
        }

        /// <summary>The docker group (KUBELAB_DOCKER_GROUP, else docker).</summary>
        public string Group { get; }

        /// <summary>The facts of this machine and process: the group database and the groups this process holds.</summary>
        public static DockerGroupAccess ForThisProcess(Elevation elevation)
        {
            var group = Environment.GetEnvironmentVariable(GroupVariable);
            return new DockerGroupAccess(
                elevation,
                string.IsNullOrWhiteSpace(group) ? DefaultGroup : group!.Trim(),
                UserDatabase.IsGroupMember,
                UserDatabase.ProcessHoldsGroup,
                name => UserDatabase.FindGroup(name) != null);
        }

        /// <summary>
        /// The command as it must run. <paramref name="groupRequired"/> is true where the docker driver is certain
        /// to be used (start with the docker driver, or with no driver named): only then is a user outside the
        /// group an error; elsewhere minikube is left to judge (another driver needs no docker group).
        /// </summary>
        /// <param name="warning">Set when the command runs through sg: say so to the user.</param>
        /// <exception cref="ElevationRequiredException">Plain root: there is no user to run minikube as.</exception>
        /// <exception cref="MinikubeException">The group is required and the user is not in it (DockerGroupRequired).</exception>
        public CommandSpec Prepare(CommandSpec command, bool groupRequired, out string? warning)
        {
            warning = null;
            var prepared = _elevation.AsInvokingUser(command, "minikube (its docker driver refuses root)");
            if (!_groupExists(Group))
            {
                // No docker group at all: Docker is not installed, and minikube says so better than we could.
                return prepared;
            }

            var identity = _elevation.Identity;
            var user = identity.InvokingUser;
            if (identity.IsRoot)
            {
                // sudo -u USER starts the command with USER's groups from the group database.
                return _isMember(user, Group) || !groupRequired ? prepared : throw NotInGroup(user);
            }

            if (_processHolds(Group))
            {
                return prepared;
            }

            if (_isMember(user, Group))
            {
                warning = $"{user} is in the '{Group}' group, but this session started before that and does not hold it yet, " +
                          $"so minikube runs through 'sg {Group}'. Log out and back in (or run 'newgrp {Group}') to make this unnecessary.";
                return Elevation.WithGroup(prepared, Group);
            }

            return groupRequired ? throw NotInGroup(user) : prepared;
        }

        private MinikubeException NotInGroup(string user) => new MinikubeException(
            MinikubeErrorKind.DockerGroupRequired,
            $"minikube's docker driver needs {user} in the '{Group}' group, and {user} is not in it. " +
            $"Run Add-DockerGroupUser (as root or through sudo) to add {user}, then try again; or choose another driver with -Driver.");
    }
}
