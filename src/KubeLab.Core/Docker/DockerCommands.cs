using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Processes;

namespace KubeLab.Docker
{
    /// <summary>Runs the Docker steps' commands: as root through the one elevation policy, a failure turned into a clear error.</summary>
    public sealed class DockerCommands
    {
        private readonly ICommandRunner _runner;
        private readonly Elevation _elevation;

        public DockerCommands(ICommandRunner runner, Elevation elevation)
        {
            _runner = runner;
            _elevation = elevation;
        }

        public ICommandRunner Runner => _runner;

        public Elevation Elevation => _elevation;

        /// <summary>apt-get without prompts: DEBIAN_FRONTEND through env, since sudo would drop it from the environment.</summary>
        public static CommandSpec AptGet(params string[] arguments) =>
            new CommandSpec("env", new[] { "DEBIAN_FRONTEND=noninteractive", "apt-get" }.Concat(arguments));

        /// <summary>Runs as root; a non-zero exit is a <see cref="DockerException"/> naming the command and its error output.</summary>
        public async Task<CommandResult> RunAsRootAsync(CommandSpec command, string purpose, CancellationToken cancellationToken)
        {
            var elevated = await _elevation.AsRootAsync(command, purpose, cancellationToken).ConfigureAwait(false);
            var result = await _runner.RunAsync(elevated, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw Failed(command, result, purpose);
            }

            return result;
        }

        /// <summary>Runs as root and returns the result whatever the exit code.</summary>
        public async Task<CommandResult> TryAsRootAsync(CommandSpec command, string purpose, CancellationToken cancellationToken)
        {
            var elevated = await _elevation.AsRootAsync(command, purpose, cancellationToken).ConfigureAwait(false);
            return await _runner.RunAsync(elevated, cancellationToken).ConfigureAwait(false);
        }

        public static DockerException Failed(CommandSpec command, CommandResult result, string purpose)
        {
            var output = (result.StandardError.Trim().Length > 0 ? result.StandardError : result.StandardOutput).Trim();
            var lines = output.Split('\n');
            var tail = string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 8)));
            return new DockerException(
                DockerErrorKind.CommandFailed,
                $"{purpose} failed: '{command.Display}' exited with code {result.ExitCode}." + (tail.Length > 0 ? "\n" + tail : string.Empty));
        }
    }
}
