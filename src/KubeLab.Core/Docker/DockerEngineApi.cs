using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.Unix;

namespace KubeLab.Docker
{
    /// <summary>What the daemon says about itself through its Engine API (GET /version and GET /info).</summary>
    public sealed class DaemonFacts
    {
        public string? ServerVersion { get; set; }

        public string? ApiVersion { get; set; }

        public string? DataRoot { get; set; }

        public string? StorageDriver { get; set; }

        public string? CgroupVersion { get; set; }

        public bool Rootless { get; set; }
    }

    /// <summary>Asks a Docker daemon about itself; no answer is a value, not an exception.</summary>
    public interface IDockerEngineApi
    {
        /// <summary>The daemon's facts, or null with the reason it did not answer.</summary>
        Task<(DaemonFacts? Facts, string? Problem)> QueryAsync(string endpoint, CancellationToken cancellationToken);
    }

    /// <summary>
    /// The Engine API over the daemon's socket through Docker.DotNet (Docker.DotNet.Enhanced), kept behind this
    /// class so none of its types reach KubeLab's public surface. No API version is pinned: the daemon answers
    /// in its own, so an old daemon (Debian's 20.10 speaks 1.41) works as well as a new one.
    /// </summary>
    public sealed class DockerEngineApi : IDockerEngineApi
    {
        public const string DefaultEndpoint = "unix:///var/run/docker.sock";

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DockerClient> Clients = new System.Collections.Concurrent.ConcurrentDictionary<string, DockerClient>();

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ((DateTime, DateTime) Instance, DaemonFacts Facts)> Cache =
            new System.Collections.Concurrent.ConcurrentDictionary<string, ((DateTime, DateTime) Instance, DaemonFacts Facts)>();

        private readonly TimeSpan _timeout;

        public DockerEngineApi(TimeSpan? timeout = null)
        {
            _timeout = timeout ?? TimeSpan.FromSeconds(10);
        }

        /// <summary>DOCKER_HOST when set, else the default socket.</summary>
        public static string CurrentEndpoint()
        {
            var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
            return string.IsNullOrWhiteSpace(host) ? DefaultEndpoint : host!.Trim();
        }

        public async Task<(DaemonFacts? Facts, string? Problem)> QueryAsync(string endpoint, CancellationToken cancellationToken)
        {
            var uri = new Uri(endpoint);
            if (uri.Scheme == "unix" && !File.Exists(uri.LocalPath))
            {
                return (null, $"The Docker daemon is not running: there is no socket at {uri.LocalPath}. Start it with Install-Docker (which starts it), or 'sudo systemctl start docker'.");
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_timeout);
                var instance = DaemonInstance(uri);
                DaemonFacts facts;
                try
                {
                    facts = await AskAsync(Client(uri, fresh: false), endpoint, instance, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is DockerApiException))
                {
                    // A kept connection may belong to a daemon that has restarted since: once more on a new one.
                    facts = await AskAsync(Client(uri, fresh: true), endpoint, instance, timeout.Token).ConfigureAwait(false);
                }

                return (facts, null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (null, $"The Docker daemon at {endpoint} did not answer within {_timeout.TotalSeconds:0} s.");
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException || ex is DockerApiException || ex is TimeoutException || ex is UnauthorizedAccessException)
            {
                return (null, Explain(endpoint, ex));
            }
        }

        /// <summary>
        /// Which daemon run answers on a unix socket: dockerd writes its pid file (docker.pid beside the socket:
        /// /var/run/docker.pid, or $XDG_RUNTIME_DIR/docker.pid when rootless) at each start, and makes the socket
        /// anew unless systemd holds it; both times together tell one run from the next, an upgrade's restart
        /// included. Null (nothing is kept) for tcp endpoints or when there is no pid file to tell by.
        /// </summary>
        private static (DateTime, DateTime)? DaemonInstance(Uri uri)
        {
            if (uri.Scheme != "unix")
            {
                return null;
            }

            var pidFile = Path.Combine(Path.GetDirectoryName(uri.LocalPath) ?? "/", "docker.pid");
            return File.Exists(pidFile) ? (File.GetLastWriteTimeUtc(pidFile), File.GetLastWriteTimeUtc(uri.LocalPath)) : ((DateTime, DateTime)?)null;
        }

        private static async Task<DaemonFacts> AskAsync(DockerClient client, string endpoint, (DateTime, DateTime)? instance, CancellationToken cancellationToken)
        {
            // What this class reads (versions, data root, storage driver, cgroup version, rootless) is fixed for a
            // daemon's lifetime, and /version and /info are slow on the daemon's side (dockerd 20.10 runs runc and
            // docker-init for /info; /version takes it ~6 ms): they are asked once per daemon run. Every call still
            // asks the daemon itself, through /_ping (well under a millisecond), whether it answers.
            if (instance != null && Cache.TryGetValue(endpoint, out var cached) && cached.Instance.Equals(instance.Value))
            {
                await client.System.PingAsync(cancellationToken).ConfigureAwait(false);
                return cached.Facts;
            }

            // Both at once.
            var versionTask = client.System.GetVersionAsync(cancellationToken);
            var infoTask = client.System.GetSystemInfoAsync(cancellationToken);
            var version = await versionTask.ConfigureAwait(false);
            var info = await infoTask.ConfigureAwait(false);
            var facts = new DaemonFacts
            {
                ServerVersion = version.Version,
                ApiVersion = version.APIVersion,
                DataRoot = info.DockerRootDir,
                StorageDriver = info.Driver,
                CgroupVersion = info.CgroupVersion,
                Rootless = info.SecurityOptions?.Any(o => o.IndexOf("name=rootless", StringComparison.Ordinal) >= 0) == true,
            };
            if (instance != null)
            {
                Cache[endpoint] = (instance.Value, facts);
            }

            return facts;
        }

        /// <summary>
        /// One client per endpoint for the session, so a warm Get-DockerEngine reuses its connection instead of
        /// building a client and dialling the socket each time.
        /// </summary>
        private DockerClient Client(Uri uri, bool fresh)
        {
            var key = uri.ToString();
            if (!fresh && Clients.TryGetValue(key, out var kept))
            {
                return kept;
            }

            var client = Build(uri);
            Clients.AddOrUpdate(key, client, (_, old) =>
            {
                old.Dispose();
                return client;
            });
            return client;
        }

        private static string Explain(string endpoint, Exception ex)
        {
            for (var inner = ex; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.AccessDenied:
                            return $"Permission denied on {endpoint}: this session is not in the docker group yet. Run Add-DockerGroupUser, then log in again (or run 'newgrp docker'); until then use sudo.";
                        case SocketError.ConnectionRefused:
                        case SocketError.AddressNotAvailable:
                            return $"The Docker daemon is not running: nothing listens on {endpoint}.";
                    }
                }
            }

            return $"The Docker daemon at {endpoint} did not answer: {ex.Message}";
        }

        private static DockerClient Build(Uri uri)
        {
            // The client's own timeout is generous: each call is bounded by QueryAsync's token instead.
            var options = new ClientOptions { Endpoint = uri, Timeout = TimeSpan.FromMinutes(5) };
            if (uri.Scheme == "unix")
            {
                return new DockerClientBuilder<UnixSocketTransportOptions>(DockerHandlerFactory.Instance, new UnixSocketTransportOptions(), options, null!).Build();
            }

            return new DockerClientBuilder().WithEndpoint(uri).Build();
        }
    }
}
