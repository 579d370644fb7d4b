using System.Collections.Generic;
using KubeLab.Infrastructure;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>The shared body of Get-KubeCluster and Get-KubeUser: read once, then select by name per pipeline item.</summary>
    public abstract class GetKubeEntryCommandBase<TEntry> : KubeConfigCommandBase
    {
        private KubeConfig? _config;

        /// <summary>"cluster" or "user", for messages.</summary>
        protected abstract string Kind { get; }

        /// <summary>The names asked for by the active parameter set; null or empty means all.</summary>
        protected abstract string[]? RequestedNames { get; }

        protected abstract IEnumerable<TEntry> Entries(KubeConfig config);

        protected abstract string NameOf(TEntry entry);

        protected override void Begin(CmdletPipeline pipeline)
        {
            _config = ReadConfig(pipeline);
        }

        protected override void Process(CmdletPipeline pipeline)
        {
            foreach (var entry in SelectByName(pipeline, Entries(_config!), NameOf, RequestedNames, Kind))
            {
                pipeline.WriteObject(entry);
            }
        }
    }
}
