using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>Rename-KubeContext: renames a context (current-context follows), like kubectl config rename-context.</summary>
    [Cmdlet(VerbsCommon.Rename, "KubeContext", SupportsShouldProcess = true)]
    [OutputType(typeof(KubeContext))]
    public sealed class RenameKubeContextCommand : KubeConfigCommandBase
    {
        /// <summary>The context to rename.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubeContextNameCompleter))]
        public string Name { get; set; } = "";

        /// <summary>The new name; it must not be taken by another context.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NoValueCompleter))]
        public string NewName { get; set; } = "";

        /// <summary>Write the renamed context to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process(CmdletPipeline pipeline)
        {
            if (!pipeline.ShouldProcess($"context '{Name}'", $"Rename to '{NewName}'"))
            {
                return;
            }

            var context = TryEdit(pipeline, () => Store(pipeline).RenameContext(Name, NewName), Name);
            if (context != null && PassThru)
            {
                pipeline.WriteObject(context);
            }
        }
    }
}
