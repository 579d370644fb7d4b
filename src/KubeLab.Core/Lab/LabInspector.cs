using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Docker;
using KubeLab.Host;
using KubeLab.Minikube;
using KubeLab.Processes;
using KubeLab.Tools;

namespace KubeLab.Lab
{
    /// <summary>
    /// Get-KubeLab: the lab's state from the services that own each part, read concurrently. Changes nothing; asks a
    /// server only with -Online (each tool's latest release).
    /// </summary>
    public sealed class LabInspector
    {
        private readonly HostInspector _host;
        private readonly DockerEngineProbe _docker;
        private readonly DockerGroup _group;
        private readonly ToolInventory _tools;
        private readonly string _destination;
        private readonly MinikubeClient _minikube;
        private readonly Func<string?> _currentContext;
        private readonly IOperationLog _log;

        public LabInspector(HostInspector host, DockerEngineProbe docker, DockerGroup group, ToolInventory tools, string destination, MinikubeClient minikube, Func<string?> currentContext, IOperationLog log)
        {
            _log = log;
            _host = host;
            _docker = docker;
            _group = group;
            _tools = tools;
            _destination = destination;
            _minikube = minikube;
            _currentContext = currentContext;
        }

        public async Task<LabState> GetAsync(bool online, CancellationToken cancellationToken)
        {
            var checks = _host.RunAsync(cancellationToken);
            var engine = _docker.GetAsync(cancellationToken);
            var tools = _tools.GetAsync(Releases.ToolCatalog.Names, _destination, online, cancellationToken);
            var profiles = ProfilesAsync(cancellationToken);

            var user = _group.DefaultUser;
            var membership = _group.Get(user);
            var failed = (await checks.ConfigureAwait(false)).Where(check => !check.Passed && !check.Optional && !check.Check.StartsWith("Docker ", StringComparison.Ordinal)).ToList();
            var found = await tools.ConfigureAwait(false);
            var docker = await engine.ConfigureAwait(false);
            return new LabState
            {
                HostChecksPassed = failed.Count == 0,
                FailedHostChecks = failed,
                DockerAnswers = docker.DaemonRunning,
                DockerVersion = docker.ServerVersion,
                UserName = user,
                DockerGroupMember = membership.IsMember,
                DockerGroupActive = membership.IsActiveInSession,
                Tools = found,
                Outdated = found.Where(tool => tool.UpdateAvailable == true).Select(tool => tool.Name).ToList(),
                Profiles = await profiles.ConfigureAwait(false),
                CurrentContext = _currentContext(),
            };
        }

        private async Task<IReadOnlyList<MinikubeProfile>> ProfilesAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await _minikube.GetProfilesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ProgramNotFoundException || ex is MinikubeException)
            {
                // No minikube, or no profile yet (minikube reports that as an error): no profiles.
                return Array.Empty<MinikubeProfile>();
            }
            catch (ElevationRequiredException ex)
            {
                // Plain root (no SUDO_USER): minikube refuses root, and no other user is known to ask for. The rest of
                // the state is still worth showing, so say why the profiles are missing instead of failing.
                _log.Warning($"minikube profiles are not shown: {ex.Message}");
                return Array.Empty<MinikubeProfile>();
            }
        }
    }
}
