using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Processes;

namespace KubeLab.Docker
{
    /// <summary>
    /// Get-DockerEngine's service: the package from dpkg's database, the client's version, and the daemon through
    /// its Engine API. Nothing here parses CLI text except `docker --version` for a CLI no package owns, and that
    /// answer is kept while the binary is unchanged, so a warm session asks the daemon and nothing else.
    /// </summary>
    public sealed class DockerEngineProbe
    {
        private static readonly Regex ClientVersionText = new Regex(@"version\s+v?(\d+\.\d+\.\d+[^\s,]*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly ConcurrentDictionary<(string, DateTime, long), string?> BinaryVersions = new ConcurrentDictionary<(string, DateTime, long), string?>();

        private readonly ICommandRunner _runner;
        private readonly IDockerEngineApi _api;
        private readonly DockerPaths _paths;

        public DockerEngineProbe(ICommandRunner runner, IDockerEngineApi api, DockerPaths paths)
        {
            _runner = runner;
            _api = api;
            _paths = paths;
        }

        public IDockerEngineApi Api => _api;

        public async Task<DockerEngine> GetAsync(CancellationToken cancellationToken)
        {
            var packages = DpkgStatus.Load(_paths.DpkgStatus);
            var endpoint = DockerEngineApi.CurrentEndpoint();
            var clientTask = ClientVersionAsync(packages, cancellationToken);
            var (facts, problem) = await _api.QueryAsync(endpoint, cancellationToken).ConfigureAwait(false);
            var engine = new DockerEngine
            {
                Endpoint = endpoint,
                ClientVersion = await clientTask.ConfigureAwait(false),
                DaemonRunning = facts != null,
                ServerVersion = facts?.ServerVersion,
                ApiVersion = facts?.ApiVersion,
                DataRoot = facts?.DataRoot,
                StorageDriver = facts?.StorageDriver,
                CgroupVersion = facts?.CgroupVersion,
                Rootless = facts?.Rootless ?? false,
                Message = problem,
            };
            (engine.Source, engine.PackageVersion) = SourceOf(packages, engine);
            return engine;
        }

        /// <summary>Official when docker-ce is installed, Distribution for docker.io, Other when something else answers, else None.</summary>
        public static (DockerSource Source, string? PackageVersion) SourceOf(DpkgStatus packages, DockerEngine engine)
        {
            var official = packages.VersionOf("docker-ce");
            if (official != null)
            {
                return (DockerSource.Official, official);
            }

            var distribution = packages.VersionOf(DockerRepository.DistributionPackage);
            if (distribution != null)
            {
                return (DockerSource.Distribution, distribution);
            }

            return (engine.DaemonRunning || engine.ClientVersion != null ? DockerSource.Other : DockerSource.None, null);
        }

        private async Task<string?> ClientVersionAsync(DpkgStatus packages, CancellationToken cancellationToken)
        {
            var path = _paths.DockerCli ?? FindOnPath("docker");
            if (path == null || !File.Exists(path))
            {
                return null;
            }

            // The packaged CLI: its version is in dpkg's database, no process needed.
            if (path == "/usr/bin/docker")
            {
                var packaged = packages.VersionOf("docker-ce-cli") ?? packages.VersionOf(DockerRepository.DistributionPackage);
                if (packaged != null)
                {
                    return DpkgStatus.UpstreamVersion(packaged);
                }
            }

            var file = new FileInfo(path);
            var key = (path, file.LastWriteTimeUtc, file.Length);
            if (BinaryVersions.TryGetValue(key, out var known))
            {
                return known;
            }

            string? version = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var result = await _runner.RunAsync(new CommandSpec(path, "--version"), timeout.Token).ConfigureAwait(false);
                var match = ClientVersionText.Match(result.StandardOutput);
                version = result.Succeeded && match.Success ? match.Groups[1].Value : null;
            }
            catch (Exception ex) when (ex is ProgramNotFoundException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                version = null;
            }

            BinaryVersions[key] = version;
            return version;
        }

        internal static string? FindOnPath(string program)
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (var folder in path.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(folder, program);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
