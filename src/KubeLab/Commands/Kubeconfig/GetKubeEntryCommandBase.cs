using System.Collections.Generic;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>
    /// The shared body of Get-KubeCluster and Get-KubeUser: read once, then select by name per pipeline item.
    /// Not generic over the entry type on purpose: PowerShell lists the module's types before
    /// DependencyLoader runs, and a base class closed over a KubeLab.Core type could not be resolved then.
    /// </summary>
    public abstract class GetKubeEntryCommandBase : KubeConfigCommandBase
    {
        private KubeConfig? _config;

        /// <summary>"cluster" or "user", for messages.</summary>
        protected abstract string Kind { get; }

        /// <summary>The names asked for by the active parameter set; null or empty means all.</summary>
        protected abstract string[]? RequestedNames { get; }

        protected abstract IEnumerable<object> Entries(KubeConfig config);

        protected abstract string NameOf(object entry);

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
