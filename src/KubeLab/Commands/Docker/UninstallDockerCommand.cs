using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Infrastructure;

namespace KubeLab.Commands
{
    /// <summary>Stops the daemon and removes Docker Engine's packages, Docker's apt source and key; images, containers and volumes only with -RemoveData.</summary>
    [Cmdlet(VerbsLifecycle.Uninstall, "Docker", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class UninstallDockerCommand : AsyncPSCmdlet
    {
        /// <summary>Also delete /var/lib/docker and /var/lib/containerd: every image, container and volume.</summary>
        [Parameter]
        public SwitchParameter RemoveData { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            var listWholePlan = MyInvocation.BoundParameters.ContainsKey("WhatIf");
            using var downloader = pipeline.Services.Downloader(null);
            var installer = pipeline.Services.DockerInstaller(downloader, null);
            var steps = await installer.PlanUninstallAsync(RemoveData.IsPresent, cancellationToken).ConfigureAwait(false);
            var progress = new DockerProgressBar(pipeline, "Uninstall-Docker");
            await installer.UninstallAsync(steps, listWholePlan, pipeline.ShouldProcess, progress, cancellationToken).ConfigureAwait(false);
            progress.Complete();
        }
    }
}
