using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>Starts a minikube cluster (minikube start -o json) with one progress bar for its steps; returns its status per node.</summary>
    [Cmdlet(VerbsLifecycle.Start, "Minikube", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MinikubeStatus))]
    public sealed class StartMinikubeCommand : AsyncPSCmdlet
    {
        /// <summary>The minikube profile (cluster) name; default minikube.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string? Profile { get; set; }

        /// <summary>minikube's driver: docker (the lab's default), podman, kvm2, none ...</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeOptionCompleter))]
        public string? Driver { get; set; }

        /// <summary>stable, latest, or a version such as v1.33.1.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubernetesVersionCompleter))]
        public string? KubernetesVersion { get; set; }

        /// <summary>CPUs for the node: a number, max or no-limit.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeOptionCompleter))]
        public string? Cpus { get; set; }

        /// <summary>Memory for the node, such as 4096 (MB), 4g, 4GB (PowerShell's bytes, given to minikube in MB), max or no-limit.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeOptionCompleter))]
        public string? Memory { get; set; }

        /// <summary>Disk size of the node, such as 20000mb, 40g or 40GB (PowerShell's bytes, given to minikube in MB).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeOptionCompleter))]
        public string? DiskSize { get; set; }

        /// <summary>How many nodes the cluster has.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int Nodes { get; set; }

        /// <summary>docker, containerd or cri-o.</summary>
        [Parameter]
        [ValidateSet("docker", "containerd", "cri-o")]
        public string? ContainerRuntime { get; set; }

        /// <summary>Addons to enable while starting, such as metrics-server, ingress.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeAddonCompleter))]
        public string[] Addon { get; set; } = new string[0];

        /// <summary>http(s) base URI or folder with the upstream layout HOST/PATH (the one the tool installs use); becomes minikube's --binary-mirror. Default $env:KUBELAB_MIRROR.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Mirror { get; set; }

        /// <summary>A registry that mirrors minikube's images (minikube's --image-repository).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeOptionCompleter))]
        public string? ImageRepository { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var options = new MinikubeStartOptions
            {
                Profile = Profile,
                Driver = Driver,
                KubernetesVersion = KubernetesVersion,
                Cpus = Cpus,
                Memory = Memory,
                DiskSize = DiskSize,
                Nodes = Nodes > 0 ? Nodes : (int?)null,
                ContainerRuntime = ContainerRuntime,
                BinaryMirror = pipeline.Services.MinikubeBinaryMirror(Mirror),
                ImageRepository = ImageRepository,
            };
            foreach (var addon in Addon)
            {
                options.Addons.Add(addon);
            }

            if (!pipeline.ShouldProcess(MinikubeTarget.Profile(Profile), "Start"))
            {
                return;
            }

            var statuses = await pipeline.Services.Minikube().StartAsync(options, new MinikubeProgressBar(pipeline.WriteProgress), cancellationToken).ConfigureAwait(false);
            pipeline.WriteObjects(statuses);
        }
    }
}
