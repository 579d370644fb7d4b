using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Processes;

namespace KubeLab.Docker
{
    /// <summary>
    /// Starts and stops dockerd the way this machine allows: systemd where it is PID 1, else the init script,
    /// else dockerd in the background (start-stop-daemon, detached, its log in a file), then waits until the
    /// Engine API answers. Containers in CI and WSL without systemd are where the fallback matters; Debian's
    /// init script also fails where `ulimit -n` may not be raised.
    /// </summary>
    public sealed class DockerDaemon
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

        private readonly DockerCommands _commands;
        private readonly IDockerEngineApi _api;
        private readonly DockerPaths _paths;
        private readonly IOperationLog _log;

        public DockerDaemon(DockerCommands commands, IDockerEngineApi api, DockerPaths paths, IOperationLog log)
        {
            _commands = commands;
            _api = api;
            _paths = paths;
            _log = log;
        }

        /// <summary>How long each start method is given to bring the API up.</summary>
        public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>What -WhatIf shows for the start step.</summary>
        public string StartDescription =>
            $"Start the Docker daemon (systemd where it is PID 1, else {_paths.InitScript}, else dockerd in the background logging to {_paths.DaemonLog}) and wait until it answers";

        public bool IsSystemd => File.Exists(_paths.InitComm) && File.ReadAllText(_paths.InitComm).Trim() == "systemd";

        /// <summary>Whether the daemon answers now.</summary>
        public async Task<bool> AnswersAsync(CancellationToken cancellationToken) =>
            (await _api.QueryAsync(DockerEngineApi.CurrentEndpoint(), cancellationToken).ConfigureAwait(false)).Facts != null;

        /// <summary>Starts the daemon unless it answers; returns how (null when it already ran).</summary>
        /// <exception cref="DockerException">No method brought the API up in time.</exception>
        public async Task<string?> EnsureRunningAsync(CancellationToken cancellationToken)
        {
            if (await AnswersAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            if (IsSystemd)
            {
                await _commands.RunAsRootAsync(new CommandSpec("systemctl", "start", "docker"), "Starting the Docker service", cancellationToken).ConfigureAwait(false);
                if (await WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false))
                {
                    return "Systemd";
                }

                throw NotStarted("systemctl start docker returned, but the daemon did not answer; see 'journalctl -u docker'.");
            }

            if (File.Exists(_paths.InitScript))
            {
                var service = DockerEngineProbe.FindOnPath("service") ?? (File.Exists("/usr/sbin/service") ? "/usr/sbin/service" : null);
                var command = service != null ? new CommandSpec(service, "docker", "start") : new CommandSpec(_paths.InitScript, "start");
                var result = await _commands.TryAsRootAsync(command, "Starting the Docker service", cancellationToken).ConfigureAwait(false);
                if (result.Succeeded && await WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false))
                {
                    return "InitScript";
                }

                var why = (result.StandardError + result.StandardOutput).Trim().Split('\n').LastOrDefault()?.Trim();
                _log.Verbose($"'{command.Display}' did not bring the daemon up (exit code {result.ExitCode}{(string.IsNullOrEmpty(why) ? string.Empty : ": " + why)}); starting dockerd in the background instead.");
            }

            var dockerd = FindDockerd() ?? throw NotStarted("there is no dockerd binary (looked on PATH and in " + string.Join(", ", _paths.DaemonLocations) + "). Is Docker Engine installed?");
            await _commands.RunAsRootAsync(
                new CommandSpec("start-stop-daemon", "--start", "--background", "--make-pidfile", "--pidfile", _paths.DaemonPidFile, "--output", _paths.DaemonLog, "--exec", dockerd),
                "Starting dockerd in the background",
                cancellationToken).ConfigureAwait(false);
            if (await WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false))
            {
                return "Background";
            }

            throw NotStarted($"dockerd was started in the background but did not answer within {StartTimeout.TotalSeconds:0} s. Its log, {_paths.DaemonLog}, ends with:\n{LogTail()}");
        }

        /// <summary>Stops the daemon however it was started; true when one was stopped.</summary>
        public async Task<bool> StopAsync(CancellationToken cancellationToken)
        {
            if (File.Exists(_paths.DaemonPidFile))
            {
                await _commands.TryAsRootAsync(
                    new CommandSpec("start-stop-daemon", "--stop", "--pidfile", _paths.DaemonPidFile, "--remove-pidfile", "--retry", "TERM/20/KILL/5"),
                    "Stopping dockerd",
                    cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (!await AnswersAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var command = IsSystemd ? new CommandSpec("systemctl", "stop", "docker.service", "docker.socket") : new CommandSpec(_paths.InitScript, "stop");
            await _commands.TryAsRootAsync(command, "Stopping the Docker service", cancellationToken).ConfigureAwait(false);
            return true;
        }

        private async Task<bool> WaitAsync(TimeSpan limit, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + limit;
            do
            {
                if (await AnswersAsync(cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }

                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
            while (DateTime.UtcNow < deadline);
            return false;
        }

        // The packages' own locations first (docker-ce: /usr/bin, docker.io: /usr/sbin), then PATH.
        private string? FindDockerd() => _paths.DaemonLocations.FirstOrDefault(File.Exists) ?? DockerEngineProbe.FindOnPath("dockerd");

        private string LogTail()
        {
            try
            {
                var lines = File.ReadAllLines(_paths.DaemonLog);
                return string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 10)));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return "(unreadable: " + ex.Message + ")";
            }
        }

        private static DockerException NotStarted(string why) => new DockerException(DockerErrorKind.DaemonNotStarted, "The Docker daemon did not start: " + why);
    }
}
