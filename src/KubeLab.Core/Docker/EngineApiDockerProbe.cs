using System.Threading;
using System.Threading.Tasks;
using KubeLab.Host;

namespace KubeLab.Docker
{
    /// <summary>Test-KubeLabHost's Docker checks, answered by the same Engine API client as Get-DockerEngine.</summary>
    public sealed class EngineApiDockerProbe : IDockerProbe
    {
        private readonly DockerEngineProbe _engine;

        public EngineApiDockerProbe(DockerEngineProbe engine)
        {
            _engine = engine;
        }

        public async Task<DockerProbeResult> ProbeAsync(CancellationToken cancellationToken)
        {
            var engine = await _engine.GetAsync(cancellationToken).ConfigureAwait(false);
            var installed = engine.ClientVersion != null || engine.Source != DockerSource.None;
            var detail = engine.DaemonRunning
                ? $"Docker {engine.ServerVersion} (API {engine.ApiVersion}) answers"
                : engine.Message ?? "the daemon does not answer";
            return new DockerProbeResult(installed, engine.ClientVersion == null ? null : "docker " + engine.ClientVersion, engine.DaemonRunning, engine.Endpoint, detail);
        }
    }
}
