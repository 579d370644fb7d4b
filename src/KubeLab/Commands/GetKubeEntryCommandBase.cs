using System.Collections.Generic;
using KubeLab.Core.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>The shared body of Get-KubeCluster and Get-KubeUser: read once, then select by name per pipeline item.</summary>
    public abstract class GetKubeEntryCommandBase<T> : KubeConfigCommandBase
        where T : class
    {
        private KubeConfig? _config;

        /// <summary>"cluster" or "user", for messages.</summary>
        protected abstract string Kind { get; }

        /// <summary>The names asked for by the active parameter set; null or empty means all.</summary>
        protected abstract string[]? RequestedNames { get; }

        protected abstract IEnumerable<T> Entries(KubeConfig config);

        protected abstract string NameOf(T entry);

        protected override void BeginProcessing()
        {
            _config = ReadConfig();
        }

        protected override void ProcessRecord()
        {
            foreach (var entry in SelectByName(Entries(_config!), NameOf, RequestedNames, Kind))
            {
                WriteObject(entry);
            }
        }
    }
}
