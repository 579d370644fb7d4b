using System.Management.Automation;
using KubeLab.Infrastructure;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>The shared body of Remove-KubeCluster and Remove-KubeUser: confirm, remove from the owning file, report per name.</summary>
    public abstract class RemoveKubeEntryCommandBase<TEntry> : KubeConfigCommandBase
        where TEntry : class
    {
        /// <summary>Write what was removed to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>"cluster" or "user", for confirmation messages.</summary>
        protected abstract string Kind { get; }

        protected abstract string[] Names { get; }

        protected abstract TEntry Remove(KubeConfigStore store, string name);

        protected override void Process(CmdletPipeline pipeline)
        {
            foreach (var name in Names)
            {
                if (!pipeline.ShouldProcess($"{Kind} '{name}'", "Remove"))
                {
                    continue;
                }

                var removed = TryEdit(pipeline, () => Remove(Store(pipeline), name), name);
                if (removed != null && PassThru)
                {
                    pipeline.WriteObject(removed);
                }
            }
        }
    }
}
