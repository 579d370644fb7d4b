using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Docker;
using KubeLab.Infrastructure;

namespace KubeLab.Commands
{
    /// <summary>Installs Docker Engine from Docker's apt repository (or the distribution's docker.io), starts the daemon and waits until it answers.</summary>
    [Cmdlet(VerbsLifecycle.Install, "Docker", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DockerEngine))]
    public sealed class InstallDockerCommand : AsyncPSCmdlet
    {
        /// <summary>Official (Docker's own apt repository, the default) or Distribution (the distribution's docker.io package).</summary>
        [Parameter]
        [ValidateSet(nameof(DockerSource.Official), nameof(DockerSource.Distribution))]
        public DockerSource Source { get; set; } = DockerSource.Official;

        /// <summary>The package version, as apt-cache madison lists it (5:29.4.0-1~ubuntu.24.04~noble) or its upstream part (29.4.0, 29.4); default the newest.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DockerVersionCompleter))]
        public string? Version { get; set; }

        /// <summary>http(s) base URI or folder holding the upstream layout HOST/PATH (MIRROR/download.docker.com/linux/...); default $env:KUBELAB_MIRROR.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Mirror { get; set; }

        /// <summary>The fingerprint the repository key must have (a mirror's own key); default Docker's published 9DC8 5822 9FC7 DD38 854A E2D8 8D81 803C 0EBF CD88.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NoValueCompleter))]
        public string? KeyFingerprint { get; set; }

        /// <summary>Run every step even when Docker is already installed at the requested version.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Install only; leave the daemon stopped.</summary>
        [Parameter]
        public SwitchParameter NoStart { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var options = new DockerInstallOptions
            {
                Source = Source,
                Version = Version,
                KeyFingerprint = KeyFingerprint,
                Force = Force.IsPresent,
                NoStart = NoStart.IsPresent,
                ListWholePlan = MyInvocation.BoundParameters.ContainsKey("WhatIf"),
            };
            using var downloader = pipeline.Services.Downloader(Mirror);
            var installer = pipeline.Services.DockerInstaller(downloader, Mirror);
            var plan = await installer.PlanInstallAsync(options, cancellationToken).ConfigureAwait(false);
            var progress = new DockerProgressBar(pipeline, "Install-Docker");
            var engine = await installer.InstallAsync(plan, pipeline.ShouldProcess, progress, cancellationToken).ConfigureAwait(false);
            progress.Complete();
            if (engine != null)
            {
                pipeline.WriteObject(engine);
            }
        }
    }

    /// <summary>A Docker plan's progress as one progress bar: step n of total.</summary>
    internal sealed class DockerProgressBar : System.IProgress<DockerProgress>
    {
        private readonly CmdletPipeline _pipeline;
        private readonly string _activity;

        public DockerProgressBar(CmdletPipeline pipeline, string activity)
        {
            _pipeline = pipeline;
            _activity = activity;
        }

        public void Report(DockerProgress value)
        {
            var description = value.Description.Split('\n')[0];
            _pipeline.WriteProgress(new ProgressRecord(0x0D0C, _activity, $"Step {value.Step} of {value.Total}")
            {
                CurrentOperation = description,
                PercentComplete = (value.Step - 1) * 100 / value.Total,
            });
        }

        public void Complete() => _pipeline.WriteProgress(new ProgressRecord(0x0D0C, _activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
