using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Processes
{
    /// <summary>
    /// KubeLab's one elevation policy. Privileged steps run directly as root, else through `sudo -n` (never a
    /// password prompt a script could hang on), else fail before anything runs with what to do. Steps that must
    /// not run as root (minikube's docker driver refuses root) run as the invoking user when KubeLab is under sudo.
    /// </summary>
    public sealed class Elevation
    {
        private readonly SystemIdentity _identity;

        public Elevation(SystemIdentity identity)
        {
            _identity = identity;
        }

        public SystemIdentity Identity => _identity;

        /// <summary>The command as it must run to have root: itself as root, else behind `sudo -n`.</summary>
        /// <exception cref="ElevationRequiredException">Not root and sudo needs a password (or is missing).</exception>
        public async Task<CommandSpec> AsRootAsync(CommandSpec command, string purpose, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_identity.IsRoot)
            {
                return command;
            }

            if (!await _identity.CanSudoWithoutPromptAsync().ConfigureAwait(false))
            {
                throw new ElevationRequiredException(
                    $"{purpose} needs root, and sudo cannot run without a password here. Run pwsh as root (sudo pwsh), " +
                    "or run 'sudo -v' first so that 'sudo -n' works, then try again.");
            }

            return BehindSudo(command, "-n");
        }

        /// <summary>
        /// The command as it must run to be the invoking user: itself when KubeLab is not root; under sudo,
        /// `sudo -n -u USER -H --` with that user's HOME; as plain root (no SUDO_USER), an error.
        /// </summary>
        /// <exception cref="ElevationRequiredException">Plain root, with no user to run as.</exception>
        public CommandSpec AsInvokingUser(CommandSpec command, string purpose)
        {
            if (!_identity.IsRoot)
            {
                return command;
            }

            if (!_identity.IsElevatedThroughSudo)
            {
                throw new ElevationRequiredException(
                    $"{purpose} must not run as root, and KubeLab was not started through sudo, so there is no user to " +
                    "run it as. Run pwsh as your own user (or through sudo from it) and try again.");
            }

            var wrapped = BehindSudo(command, "-n", "-u", _identity.InvokingUser, "-H");
            wrapped.Environment["HOME"] = _identity.InvokingUserHome;
            return wrapped;
        }

        /// <summary>
        /// The command as it must run to hold a group this process does not hold yet (the user was added to it
        /// after logging in): `sg GROUP -c 'COMMAND'`. sg takes one shell string, so every part of the command is
        /// single-quoted (POSIX: nothing inside single quotes is special, and ' itself becomes '\''); the
        /// command's parts are KubeLab's own argument list, never a string a user typed.
        /// </summary>
        /// <exception cref="ArgumentException">A group name that is not a plain group name.</exception>
        public static CommandSpec WithGroup(CommandSpec command, string group)
        {
            if (!SystemIdentity.IsValidUserName(group))
            {
                throw new ArgumentException($"'{group}' is not a valid group name.", nameof(group));
            }

            var script = string.Join(" ", new[] { command.FileName }.Concat(command.Arguments).Select(QuoteAlways));
            var wrapped = new CommandSpec("sg", group, "-c", "exec " + script) { WorkingDirectory = command.WorkingDirectory };
            foreach (var variable in command.Environment)
            {
                wrapped.Environment[variable.Key] = variable.Value;
            }

            return wrapped;
        }

        /// <summary>A POSIX single-quoted word, whatever it holds (an empty argument stays an argument).</summary>
        internal static string QuoteAlways(string value) => "'" + value.Replace("'", "'\\''") + "'";

        /// <summary>
        /// `sudo OPTIONS -- [env VAR=value ...] PROGRAM ARGS`. sudo resets the environment (env_reset), so the variables
        /// the command sets are passed through env(1) on the far side of sudo, as separate arguments (no shell).
        /// </summary>
        private static CommandSpec BehindSudo(CommandSpec command, params string[] sudoOptions)
        {
            var environment = command.Environment.Count == 0
                ? Enumerable.Empty<string>()
                : new[] { "env" }.Concat(command.Environment.SelectMany(v => v.Value == null ? new[] { "-u", v.Key } : new[] { v.Key + "=" + v.Value }));
            var arguments = sudoOptions.Concat(new[] { "--" }).Concat(environment).Concat(new[] { command.FileName }).Concat(command.Arguments);
            var wrapped = new CommandSpec("sudo", arguments) { WorkingDirectory = command.WorkingDirectory };
            foreach (var variable in command.Environment)
            {
                wrapped.Environment[variable.Key] = variable.Value;
            }

            return wrapped;
        }
    }
}
