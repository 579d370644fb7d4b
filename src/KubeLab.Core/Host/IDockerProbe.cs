using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Host
{
    /// <summary>Whether Docker is installed and its daemon answers; the seam Test-KubeLabHost asks.</summary>
    public interface IDockerProbe
    {
        Task<DockerProbeResult> ProbeAsync(CancellationToken cancellationToken);
    }

    /// <summary>What a Docker probe found.</summary>
    public sealed class DockerProbeResult
    {
        public DockerProbeResult(bool installed, string? program, bool answering, string endpoint, string detail)
        {
            Installed = installed;
            Program = program;
            Answering = answering;
            Endpoint = endpoint;
            Detail = detail;
        }

        /// <summary>The docker CLI is on PATH.</summary>
        public bool Installed { get; }

        public string? Program { get; }

        /// <summary>The daemon answered GET /_ping with OK.</summary>
        public bool Answering { get; }

        /// <summary>The socket asked, such as /var/run/docker.sock.</summary>
        public string Endpoint { get; }

        /// <summary>Why it did not answer, or what it answered.</summary>
        public string Detail { get; }
    }

    /// <summary>
    /// The simple probe: docker on PATH means installed; the unix socket of DOCKER_HOST (else /var/run/docker.sock)
    /// answering `GET /_ping` with OK means answering. Replaceable by the Engine API client.
    /// </summary>
    public sealed class SocketDockerProbe : IDockerProbe
    {
        public const string DefaultSocket = "/var/run/docker.sock";

        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

        private readonly string? _dockerHost;
        private readonly string? _path;

        /// <param name="dockerHost">DOCKER_HOST's value; default: this process's.</param>
        /// <param name="path">PATH to look for docker in; default: this process's.</param>
        public SocketDockerProbe(string? dockerHost = null, string? path = null)
        {
            _dockerHost = dockerHost ?? Environment.GetEnvironmentVariable("DOCKER_HOST");
            _path = path ?? Environment.GetEnvironmentVariable("PATH");
        }

        public async Task<DockerProbeResult> ProbeAsync(CancellationToken cancellationToken)
        {
            var program = (_path ?? string.Empty).Split(Path.PathSeparator).Where(d => d.Length > 0)
                .Select(d => Path.Combine(d, "docker")).FirstOrDefault(File.Exists);
            string socketPath;
            if (string.IsNullOrEmpty(_dockerHost))
            {
                socketPath = DefaultSocket;
            }
            else if (_dockerHost!.StartsWith("unix://", StringComparison.Ordinal))
            {
                socketPath = _dockerHost.Substring("unix://".Length);
            }
            else
            {
                return new DockerProbeResult(program != null, program, false, _dockerHost, "DOCKER_HOST is not a unix:// socket; this probe only asks local sockets");
            }

            var (answering, detail) = await PingAsync(socketPath, cancellationToken).ConfigureAwait(false);
            return new DockerProbeResult(program != null, program, answering, socketPath, detail);
        }

        private static async Task<(bool, string)> PingAsync(string socketPath, CancellationToken cancellationToken)
        {
            if (!File.Exists(socketPath))
            {
                return (false, $"{socketPath} does not exist");
            }

            var endPoint = UnixEndPoint(socketPath);
            if (endPoint == null)
            {
                return (false, "this runtime cannot open unix sockets");
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Timeout);
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                using (timeout.Token.Register(() => socket.Dispose()))
                {
                    await Task.Factory.FromAsync(socket.BeginConnect, socket.EndConnect, endPoint, null).ConfigureAwait(false);
                    var request = Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n");
                    using var stream = new NetworkStream(socket, ownsSocket: false);
                    await stream.WriteAsync(request, 0, request.Length, timeout.Token).ConfigureAwait(false);
                    var buffer = new byte[4096];
                    var received = new StringBuilder();
                    int read;
                    while (received.Length < 65536 && (read = await stream.ReadAsync(buffer, 0, buffer.Length, timeout.Token).ConfigureAwait(false)) > 0)
                    {
                        received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    var response = received.ToString();
                    var status = response.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
                    var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    var body = split < 0 ? string.Empty : response.Substring(split + 4).Trim();
                    var ok = status.StartsWith("HTTP/1.", StringComparison.Ordinal) && status.Contains(" 200") && body == "OK";
                    return (ok, ok ? "GET /_ping answered OK" : $"GET /_ping answered '{status}' with '{Short(body)}'");
                }
            }
            catch (Exception ex) when (ex is SocketException || ex is IOException || ex is ObjectDisposedException || ex is OperationCanceledException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                return (false, $"{socketPath}: {ex.Message}");
            }
        }

        private static string Short(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "...";

        /// <summary>UnixDomainSocketEndPoint exists on every .NET Core, but not in netstandard2.0's surface.</summary>
        private static EndPoint? UnixEndPoint(string path)
        {
            var type = Type.GetType("System.Net.Sockets.UnixDomainSocketEndPoint, System.Net.Sockets")
                       ?? typeof(Socket).Assembly.GetType("System.Net.Sockets.UnixDomainSocketEndPoint");
            return type == null ? null : (EndPoint?)Activator.CreateInstance(type, path);
        }
    }
}
