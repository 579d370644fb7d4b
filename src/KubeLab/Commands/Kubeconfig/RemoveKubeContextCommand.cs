using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>Remove-KubeContext: deletes contexts, like kubectl config delete-context; -RemoveUnused also drops their orphaned cluster and user.</summary>
    [Cmdlet(VerbsCommon.Remove, "KubeContext", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KubeContextRemoval))]
    public sealed class RemoveKubeContextCommand : KubeConfigCommandBase
    {
        /// <summary>The contexts to remove (literal names; pipe from Get-KubeContext for wildcards).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubeContextNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Also remove the context's cluster and user when no remaining context uses them.</summary>
        [Parameter]
        public SwitchParameter RemoveUnused { get; set; }

        /// <summary>Write what was removed to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process(CmdletPipeline pipeline)
        {
            foreach (var name in Name)
            {
                var action = RemoveUnused ? "Remove, with its cluster and user if no other context uses them" : "Remove";
                if (!pipeline.ShouldProcess($"context '{name}'", action))
                {
                    continue;
                }

                var removal = TryEdit(pipeline, () => Store(pipeline).RemoveContext(name, RemoveUnused), name);
                if (removal != null && PassThru)
                {
                    pipeline.WriteObject(removal);
                }
            }
        }
    }
}
