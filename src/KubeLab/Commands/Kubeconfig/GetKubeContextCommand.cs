using System.Linq;
using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Infrastructure;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>Get-KubeContext: contexts of the merged kubeconfig, like kubectl config get-contexts.</summary>
    [Cmdlet(VerbsCommon.Get, "KubeContext", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(KubeContext))]
    public sealed class GetKubeContextCommand : KubeConfigCommandBase
    {
        private const string ByNameSet = "ByName";
        private const string CurrentSet = "Current";

        /// <summary>Context names; wildcards allowed.</summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(KubeContextNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only the current context (nothing when current-context is unset).</summary>
        [Parameter(ParameterSetName = CurrentSet, Mandatory = true)]
        public SwitchParameter Current { get; set; }

        private KubeConfig? _config;

        protected override void Begin(CmdletPipeline pipeline)
        {
            _config = ReadConfig(pipeline);
        }

        protected override void Process(CmdletPipeline pipeline)
        {
            var contexts = Current
                ? _config!.Contexts.Where(context => context.IsCurrent)
                : SelectByName(pipeline, _config!.Contexts, context => context.Name, Name, "context");
            foreach (var context in contexts)
            {
                pipeline.WriteObject(context);
            }
        }
    }
}
