using System.Management.Automation;

namespace KubeLab.Commands
{
    /// <summary>
    /// The shared body of Remove-KubeCluster and Remove-KubeUser: confirm, remove from the owning file, report
    /// per name. Not generic over the entry type for the reason given on GetKubeEntryCommandBase.
    /// </summary>
    public abstract class RemoveKubeEntryCommandBase : KubeConfigCommandBase
    {
        /// <summary>Write what was removed to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>"cluster" or "user", for confirmation messages.</summary>
        protected abstract string Kind { get; }

        protected abstract string[] Names { get; }

        protected abstract object Remove(string name);

        protected override void ProcessRecord()
        {
            foreach (var name in Names)
            {
                if (!ShouldProcess($"{Kind} '{name}'", "Remove"))
                {
                    continue;
                }

                var removed = TryEdit(() => Remove(name), name);
                if (removed != null && PassThru)
                {
                    WriteObject(removed);
                }
            }
        }
    }
}
