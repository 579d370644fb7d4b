using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Tools;

namespace KubeLab.Commands
{
    /// <summary>
    /// Shared by Install-Kubectl/-Kustomize/-Minikube/-DockerCompose, Install-KubeLabTool and Update-KubeLabTool:
    /// one request per tool from the pipeline, then Core's ToolInstallBatch installs them all in parallel, each
    /// with its own progress bar.
    /// </summary>
    public abstract class InstallToolCommandBase : AsyncPSCmdlet
    {
        private ToolInstallBatch? _batch;

        /// <summary>1.33.1 or v1.33.1; default: upstream's latest stable release.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ToolVersionCompleter))]
        public string? Version { get; set; }

        /// <summary>Folder for the binary; default /usr/local/bin as root, else ~/.local/bin.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>http(s) base URI or folder holding the upstream layout HOST/PATH; default $env:KUBELAB_MIRROR.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Mirror { get; set; }

        /// <summary>Expected SHA-256 of the download, for mirrors without checksum files.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NoValueCompleter))]
        public string? Sha256 { get; set; }

        /// <summary>Seconds without data before a download attempt counts as timed out (and is retried).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>Reinstall even when the requested version is already there.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The tools named by this pipeline input.</summary>
        protected abstract IEnumerable<string> ToolNames { get; }

        /// <summary>True for Update-KubeLabTool: a tool that is not there yet is an error, not an install.</summary>
        protected virtual bool RequireInstalled => false;

        protected override Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            _batch ??= pipeline.Services.ToolInstallBatch();
            var destination = pipeline.Services.ToolDestinationFor(Destination);
            foreach (var name in ToolNames)
            {
                _batch.Add(new ToolInstallRequest(name, destination)
                {
                    Version = Version,
                    Force = Force.IsPresent,
                    Sha256 = Sha256,
                    RequireInstalled = RequireInstalled,
                    ShouldProcess = pipeline.ShouldProcess,
                });
            }

            return Task.CompletedTask;
        }

        protected override async Task EndProcessingAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            if (_batch == null)
            {
                return;
            }

            using var downloader = pipeline.Services.Downloader(Mirror, TimeSpan.FromSeconds(TimeoutSec));
            var outcomes = await _batch.InstallAsync(
                pipeline.Services.ToolInstaller(downloader),
                (_, activityId) => new DownloadProgressBar(activityId, pipeline.WriteProgress),
                cancellationToken).ConfigureAwait(false);
            foreach (var outcome in outcomes)
            {
                if (outcome.Error == null)
                {
                    if (outcome.Result != null)
                    {
                        pipeline.WriteObject(outcome.Result);
                    }
                }
                else if (outcomes.Count == 1)
                {
                    throw pipeline.Fail(outcome.Error, outcome.Request.Name);
                }
                else
                {
                    // Several tools: one failure should not hide the others' results.
                    pipeline.WriteError(outcome.Error, outcome.Request.Name);
                }
            }
        }
    }
}
