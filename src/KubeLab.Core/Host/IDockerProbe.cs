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

        /// <summary>The docker CLI or an engine package is installed.</summary>
        public bool Installed { get; }

        public string? Program { get; }

        /// <summary>The daemon answered on its Engine API.</summary>
        public bool Answering { get; }

        /// <summary>The socket asked, such as /var/run/docker.sock.</summary>
        public string Endpoint { get; }

        /// <summary>Why it did not answer, or what it answered.</summary>
        public string Detail { get; }
    }
}
