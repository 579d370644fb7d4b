using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Kubeconfig;
using KubeLab.Infrastructure;

namespace KubeLab.Commands
{
    /// <summary>Set-KubeContext: changes a context's namespace, cluster or user (creating it if missing), like kubectl config set-context.</summary>
    [Cmdlet(VerbsCommon.Set, "KubeContext", SupportsShouldProcess = true, DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(KubeContext))]
    public sealed class SetKubeContextCommand : KubeConfigCommandBase
    {
        private const string ByNameSet = "ByName";
        private const string CurrentSet = "Current";

        /// <summary>The context to change; created in the default file when it does not exist (as kubectl does).</summary>
        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubeContextNameCompleter))]
        public string Name { get; set; } = "";

        /// <summary>Change the current context instead of a named one.</summary>
        [Parameter(ParameterSetName = CurrentSet, Mandatory = true)]
        public SwitchParameter Current { get; set; }

        /// <summary>The namespace; an empty string removes it (kubectl then uses "default").</summary>
        [Parameter]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(KubeNamespaceCompleter))]
        public string? Namespace { get; set; }

        /// <summary>The cluster entry the context points at.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubeClusterNameCompleter))]
        public string? Cluster { get; set; }

        /// <summary>The user entry the context points at.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubeUserNameCompleter))]
        public string? User { get; set; }

        /// <summary>Write the changed context to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process(CmdletPipeline pipeline)
        {
            var name = Current ? CurrentContextName(pipeline) : Name;
            if (name == null || !pipeline.ShouldProcess($"context '{name}'", "Set " + DescribeChanges()))
            {
                return;
            }

            var context = TryEdit(pipeline, () => Store(pipeline).SetContext(name, Cluster, User, Namespace), name);
            if (context != null && PassThru)
            {
                pipeline.WriteObject(context);
            }
        }

        private string? CurrentContextName(CmdletPipeline pipeline)
        {
            var current = ReadConfig(pipeline).CurrentContext;
            if (string.IsNullOrEmpty(current))
            {
                pipeline.WriteError(ErrorMapping.Create(
                    new PSInvalidOperationException($"No current context is set in {DescribeFiles(pipeline)}; name the context with -Name."),
                    ErrorIds.NoCurrentContext,
                    null));
                return null;
            }

            return current;
        }

        private string DescribeChanges()
        {
            var changes = new List<string>();
            if (Namespace != null)
            {
                changes.Add(Namespace.Length == 0 ? "no namespace" : $"namespace '{Namespace}'");
            }

            if (Cluster != null)
            {
                changes.Add($"cluster '{Cluster}'");
            }

            if (User != null)
            {
                changes.Add($"user '{User}'");
            }

            return changes.Any() ? string.Join(", ", changes) : "(create if missing)";
        }
    }
}
