using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>Use-KubeContext: sets current-context, like kubectl config use-context.</summary>
    [Cmdlet(VerbsOther.Use, "KubeContext", SupportsShouldProcess = true)]
    [OutputType(typeof(KubeContext))]
    public sealed class UseKubeContextCommand : KubeConfigCommandBase
    {
        /// <summary>The context to make current; it must exist in the merged view.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubeContextNameCompleter))]
        public string Name { get; set; } = "";

        /// <summary>Write the context, now current, to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var file = Store.Location.ExplicitFile ?? Store.Location.DefaultFile;
            if (!ShouldProcess(file, $"Set current-context to '{Name}'"))
            {
                return;
            }

            var context = TryEdit(() => Store.UseContext(Name), Name);
            if (context != null && PassThru)
            {
                WriteObject(context);
            }
        }
    }
}
