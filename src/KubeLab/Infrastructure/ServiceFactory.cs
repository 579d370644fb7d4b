using System;
using System.Linq;
using KubeLab.Releases;
using KubeLab.Docker;
using KubeLab.Downloads;
using KubeLab.Host;
using KubeLab.Kubeconfig;
using KubeLab.Lab;
using KubeLab.Minikube;
using KubeLab.Processes;
using KubeLab.Tools;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// The one place that builds Core services for cmdlets: one log, one command runner, one identity and one
    /// elevation policy per cmdlet invocation, and the mirror from -Mirror or $env:KUBELAB_MIRROR.
    /// </summary>
    public sealed class ServiceFactory
    {
        private readonly Func<string, string> _resolvePath;
        private ICommandRunner? _runner;
        private SystemIdentity? _identity;
        private Elevation? _elevation;
        private CliWrapStreamingCommandRunner? _streamingRunner;

        internal ServiceFactory(IOperationLog log, Func<string, string> resolvePath)
        {
            Log = log;
            _resolvePath = resolvePath;
        }

        public IOperationLog Log { get; }

        /// <summary>Runs programs with an argument list, logging each command to -Verbose exactly as run.</summary>
        public ICommandRunner Runner => _runner ??= new CliWrapCommandRunner(Log);

        public SystemIdentity Identity => _identity ??= new SystemIdentity(Runner);

        /// <summary>Root directly, else sudo -n, else a clear error; the invoking user for what refuses root.</summary>
        public Elevation Elevation => _elevation ??= new Elevation(Identity);

        /// <summary>A -Destination as typed, made absolute against PowerShell's location; the default folder when not given.</summary>
        public string ToolDestinationFor(string? destination) =>
            ToolDestination.Resolve(destination == null ? null : _resolvePath(destination), Identity);

        /// <summary>The mirror from -Mirror or $env:KUBELAB_MIRROR; a folder given as a relative path is taken relative to PowerShell's location.</summary>
        /// <exception cref="ArgumentException">Neither an http(s) URI nor a folder.</exception>
        public DownloadMirror? Mirror(string? mirror)
        {
            var isUri = mirror != null && Uri.TryCreate(mirror, UriKind.Absolute, out var uri) && !uri.IsFile;
            return DownloadMirror.FromParameterOrEnvironment(mirror == null || isUri ? mirror : _resolvePath(mirror));
        }

        /// <summary>A downloader through the mirror; dispose it when done.</summary>
        public Downloader Downloader(string? mirror, TimeSpan? stallTimeout = null) => new Downloader(Mirror(mirror), Log, stallTimeout: stallTimeout);

        public ToolInstallBatch ToolInstallBatch() => new ToolInstallBatch(Log);

        public ToolInstaller ToolInstaller(Downloader downloader) => new ToolInstaller(downloader, Runner, Log);

        public ToolInventory ToolInventory(Downloader? downloader) => new ToolInventory(Runner, downloader, Log);

        public ToolUninstaller ToolUninstaller() => new ToolUninstaller(Log);

        /// <summary>The kubeconfig store over -Path (an explicit file) or KUBECONFIG / ~/.kube/config.</summary>
        public KubeConfigStore KubeConfigStore(string? path) =>
            new KubeConfigStore(KubeConfigLocation.Resolve(path == null ? null : _resolvePath(path)), Log);
    

        // Minikube

        /// <summary>minikube's lifecycle: run as the invoking user, through sg when the docker group is not held yet, events streamed.</summary>
        public MinikubeClient Minikube() =>
            new MinikubeClient(_streamingRunner ??= new CliWrapStreamingCommandRunner(Log), DockerGroupAccess.ForThisProcess(Elevation), Log);

        /// <summary>minikube's --binary-mirror for -Mirror or $env:KUBELAB_MIRROR (the mirror's copy of dl.k8s.io/release); null without a mirror.</summary>
        public string? MinikubeBinaryMirror(string? mirror)
        {
            var found = Mirror(mirror);
            return found == null ? null : MinikubeClient.BinaryMirrorFor(found);
        }

        // Host

        /// <summary>Test-KubeLabHost's checks over this machine's /proc, /sys, statvfs and Docker socket.</summary>
        public HostInspector HostInspector()
        {
            var group = Environment.GetEnvironmentVariable(DockerGroupAccess.GroupVariable);
            return new HostInspector(
                new HostFacts(),
                new EngineApiDockerProbe(DockerEngineProbe()),
                Identity,
                string.IsNullOrWhiteSpace(group) ? DockerGroupAccess.DefaultGroup : group!.Trim(),
                UserDatabase.IsGroupMember,
                UserDatabase.ProcessHoldsGroup,
                name => UserDatabase.FindGroup(name) != null);
        }

        // Docker

        /// <summary>Get-DockerEngine's service: dpkg's database, the client's version, and the daemon's Engine API.</summary>
        public DockerEngineProbe DockerEngineProbe() => new DockerEngineProbe(Runner, new DockerEngineApi(), new DockerPaths());

        /// <summary>Install-/Uninstall-Docker through the downloader (whose mirror also serves the apt repository).</summary>
        public DockerInstaller DockerInstaller(Downloader downloader, string? mirror)
        {
            var paths = new DockerPaths();
            var api = new DockerEngineApi();
            var commands = new DockerCommands(Runner, Elevation);
            return new DockerInstaller(commands, downloader, Mirror(mirror), new DockerEngineProbe(Runner, api, paths), new DockerDaemon(commands, api, paths, Log), paths, Log);
        }

        /// <summary>The docker group: membership, and adding and removing users as root.</summary>
        public DockerGroup DockerGroup() => new DockerGroup(new DockerCommands(Runner, Elevation));
    
        // Lab

        /// <summary>Install-KubeLab's steps over this machine: host checks, Docker, the docker group, the four tools, minikube (null: not started).</summary>
        public LabInstaller LabInstaller(Downloader downloader, string? mirror, DockerSource dockerSource, bool force, string? destination, MinikubeStartOptions? minikube)
        {
            var record = new LabRecord();
            var dockerOptions = new DockerInstallOptions { Source = dockerSource };
            DockerInstaller? docker = null;
            var inspector = HostInspector();
            return new LabInstaller(
                new HostChecksLabStep(inspector.RunAsync, record, Log, force),
                new DockerLabStep(() => docker ??= DockerInstaller(downloader, mirror), dockerOptions, record, new InterruptedDpkg(new DockerCommands(Runner, Elevation))),
                new DockerGroupLabStep(DockerGroup(), record),
                new ToolsLabStep(ToolInventory(null), () => ToolInstaller(downloader), Log, ToolDestinationFor(destination), ToolCatalog.Names.ToList(), LabStepNames.HostChecks),
                minikube == null ? null : new MinikubeLabStep(Minikube, minikube),
                async ct => (await DockerEngineProbe().GetAsync(ct).ConfigureAwait(false)).ServerVersion,
                new LabRunner(Log));
        }
    
        /// <summary>Get-KubeLab's view over the same services; -Online asks each tool's latest release through the downloader.</summary>
        public LabInspector LabInspector(Downloader? downloader, string? destination) =>
            new LabInspector(HostInspector(), DockerEngineProbe(), DockerGroup(), ToolInventory(downloader), ToolDestinationFor(destination), Minikube(), LabCurrentContext, Log);

        /// <summary>Uninstall-KubeLab: undoes only what the install records and the lab record say KubeLab did.</summary>
        public LabUninstaller LabUninstaller(Downloader downloader, string? destination)
        {
            DockerInstaller? docker = null;
            return new LabUninstaller(Minikube(), ToolInventory(null), ToolUninstaller(), ToolDestinationFor(destination), DockerGroup(),
                () => docker ??= DockerInstaller(downloader, null), new LabRecord(), Log);
        }

        /// <summary>
        /// The current context of the kubeconfig minikube wrote: KUBECONFIG or ~/.kube/config, and under sudo the
        /// invoking user's (minikube runs as that user); null when there is none or it cannot be read.
        /// </summary>
        private string? LabCurrentContext()
        {
            try
            {
                var path = Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } || !Identity.IsElevatedThroughSudo
                    ? null
                    : System.IO.Path.Combine(Identity.InvokingUserHome, ".kube", "config");
                if (path != null && !System.IO.File.Exists(path))
                {
                    return null;
                }

                return new KubeConfigStore(KubeConfigLocation.Resolve(path), Log).Read().CurrentContext;
            }
            catch (KubeConfigException)
            {
                return null;
            }
        }
    }
}
