using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Infrastructure;
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

        protected override void Process(CmdletPipeline pipeline)
        {
            var store = Store(pipeline);
            var file = store.Location.ExplicitFile ?? store.Location.DefaultFile;
            if (!pipeline.ShouldProcess(file, $"Set current-context to '{Name}'"))
            {
                return;
            }

            var context = TryEdit(pipeline, () => store.UseContext(Name), Name);
            if (context != null && PassThru)
            {
                pipeline.WriteObject(context);
            }
        }
    }
}
