using System;
using System.Management.Automation;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Tools;
using KubeLab.Infrastructure;

namespace KubeLab.Commands
{
    /// <summary>Removes tools that KubeLab installed (recorded in DESTINATION/.kubelab-tools with their SHA-256); others are left alone.</summary>
    [Cmdlet(VerbsLifecycle.Uninstall, "KubeLabTool", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class UninstallKubeLabToolCommand : ToolCmdletBase
    {
        /// <summary>kubectl, kustomize, minikube, docker-compose.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ToolNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Folder the tools are in; default /usr/local/bin as root, else ~/.local/bin.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        protected override async Task ProcessRecordAsync()
        {
            var log = new CmdletOperationLog(WriteVerbose, WriteWarning);
            var uninstaller = new ToolUninstaller(log);
            var destination = ResolveDestination(Destination);
            foreach (var name in Name)
            {
                try
                {
                    await uninstaller.UninstallAsync(name, destination, (target, action) => ShouldProcess(target, action), CancelToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ToolInstallException || ex is ArgumentException || ex is UnauthorizedAccessException || ex is System.IO.IOException)
                {
                    WriteError(ToolErrors.ToErrorRecord(ex, name));
                }
            }
        }
    }
}
