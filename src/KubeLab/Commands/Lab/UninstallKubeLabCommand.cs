using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Infrastructure;

namespace KubeLab.Commands
{
    /// <summary>Undoes Install-KubeLab: deletes the minikube profiles, removes the tools KubeLab installed, takes the user KubeLab added out of the docker group, and with -RemoveDocker removes Docker when KubeLab installed it. Nothing KubeLab did not install is touched.</summary>
    [Cmdlet(VerbsLifecycle.Uninstall, "KubeLab", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class UninstallKubeLabCommand : AsyncPSCmdlet
    {
        /// <summary>Also remove Docker Engine (only when Install-KubeLab installed it).</summary>
        [Parameter]
        public SwitchParameter RemoveDocker { get; set; }

        /// <summary>Also remove minikube's folder (minikube delete --purge) and, with -RemoveDocker, Docker's data.</summary>
        [Parameter]
        public SwitchParameter RemoveData { get; set; }

        /// <summary>The tools' folder; default /usr/local/bin as root, else ~/.local/bin.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            using var downloader = pipeline.Services.Downloader(null);
            var uninstaller = pipeline.Services.LabUninstaller(downloader, Destination);
            var steps = await uninstaller.PlanAsync(RemoveDocker.IsPresent, RemoveData.IsPresent, cancellationToken).ConfigureAwait(false);
            await uninstaller.UninstallAsync(steps, MyInvocation.BoundParameters.ContainsKey("WhatIf"), pipeline.ShouldProcess, cancellationToken).ConfigureAwait(false);
        }
    }
}
