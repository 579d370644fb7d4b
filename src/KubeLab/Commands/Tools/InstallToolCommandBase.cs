using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using KubeLab.Tools;
using KubeLab.Processes;
using KubeLab.Infrastructure;
using KubeLab.Downloads;

namespace KubeLab.Commands
{
    /// <summary>
    /// Shared by Install-Kubectl/-Kustomize/-Minikube/-DockerCompose, Install-KubeLabTool and Update-KubeLabTool:
    /// collects one request per tool, then installs them all in parallel, each with its own progress bar.
    /// </summary>
    public abstract class InstallToolCommandBase : ToolCmdletBase
    {
        private readonly List<ToolInstallRequest> _requests = new List<ToolInstallRequest>();

        /// <summary>1.33.1 or v1.33.1; default: upstream's latest stable release.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
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

        protected override Task ProcessRecordAsync()
        {
            var destination = ResolveDestination(Destination);
            foreach (var name in ToolNames)
            {
                if (_requests.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase) && r.Destination == destination))
                {
                    continue; // the same tool twice into one folder would race with itself
                }

                _requests.Add(new ToolInstallRequest(name, destination)
                {
                    Version = Version,
                    Force = Force.IsPresent,
                    Sha256 = Sha256,
                    RequireInstalled = RequireInstalled,
                    ShouldProcess = (target, action) => ShouldProcess(target, action),
                });
            }

            return Task.CompletedTask;
        }

        protected override async Task EndProcessingAsync()
        {
            if (_requests.Count > 1 && (Version != null || Sha256 != null))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-Version and -Sha256 apply to one tool; install several tools with separate commands to pin each."),
                    "VersionForSeveralTools", ErrorCategory.InvalidArgument, null));
            }

            foreach (var folder in _requests.Select(r => r.Destination).Distinct().Where(f => !ToolDestination.IsOnPath(f)))
            {
                WriteWarning($"{folder} is not on PATH; add it to run the tools by name.");
            }

            var log = new CmdletOperationLog(WriteVerbose, WriteWarning);
            DownloadMirror? mirror;
            try
            {
                mirror = ResolveMirror(Mirror);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ToolErrors.ToErrorRecord(ex, Mirror));
                return;
            }

            using (var downloader = new Downloader(mirror, log, stallTimeout: TimeSpan.FromSeconds(TimeoutSec)))
            {
                var installer = new ToolInstaller(downloader, new CliWrapCommandRunner(log), log);
                var runs = _requests.Select((request, index) => RunAsync(installer, request, index + 1)).ToList();
                var outcomes = await Task.WhenAll(runs).ConfigureAwait(false);
                Report(outcomes);
            }
        }

        private void Report(IReadOnlyList<(ToolInstallRequest Request, KubeLabTool? Result, Exception? Error)> outcomes)
        {
            foreach (var (request, result, error) in outcomes)
            {
                if (error == null)
                {
                    if (result != null)
                    {
                        WriteObject(result);
                    }

                    continue;
                }

                var record = ToolErrors.ToErrorRecord(error, request.Name);
                if (outcomes.Count == 1)
                {
                    ThrowTerminatingError(record);
                }

                // Several tools: one failure should not hide the others' results.
                WriteError(record);
            }
        }

        private async Task<(ToolInstallRequest, KubeLabTool?, Exception?)> RunAsync(ToolInstaller installer, ToolInstallRequest request, int activityId)
        {
            var progress = new DownloadProgressBar(activityId, WriteProgress);
            try
            {
                var result = await installer.InstallAsync(request, progress, CancelToken).ConfigureAwait(false);
                return (request, result, null);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is PipelineStoppedException))
            {
                return (request, null, ex);
            }
        }
    }
}
