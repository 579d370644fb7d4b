using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using KubeLab;
using KubeLab.Kubeconfig;

namespace KubeLab.Completers
{
    /// <summary>
    /// Completes names from the merged kubeconfig (or the file given with -Path on the same command line).
    /// A broken file completes nothing (the base turns its refusal into an empty list).
    /// </summary>
    public abstract class KubeConfigNameCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters)
        {
            var path = boundParameters["Path"] as string;
            var location = KubeConfigLocation.Resolve(string.IsNullOrEmpty(path) ? path : ResolveAgainstLocation(path!));
            return Names(new KubeConfigStore(location, NullOperationLog.Instance).Read()).OrderBy(name => name, StringComparer.Ordinal);
        }

        protected abstract IEnumerable<string> Names(KubeConfig config);
    }

    /// <summary>Completes context names.</summary>
    public sealed class KubeContextNameCompleter : KubeConfigNameCompleter
    {
        protected override IEnumerable<string> Names(KubeConfig config) => config.Contexts.Select(context => context.Name);
    }

    /// <summary>Completes cluster names.</summary>
    public sealed class KubeClusterNameCompleter : KubeConfigNameCompleter
    {
        protected override IEnumerable<string> Names(KubeConfig config) => config.Clusters.Select(cluster => cluster.Name);
    }

    /// <summary>Completes user names.</summary>
    public sealed class KubeUserNameCompleter : KubeConfigNameCompleter
    {
        protected override IEnumerable<string> Names(KubeConfig config) => config.Users.Select(user => user.Name);
    }

    /// <summary>
    /// Completes namespaces: those the kubeconfig's contexts use, and the ones every cluster has. (Asking a cluster
    /// would make Tab wait on the network.)
    /// </summary>
    public sealed class KubeNamespaceCompleter : KubeConfigNameCompleter
    {
        private static readonly string[] Standard = { "default", "kube-node-lease", "kube-public", "kube-system" };

        protected override IEnumerable<string> Names(KubeConfig config) =>
            config.Contexts.Select(context => context.Namespace).Where(ns => !string.IsNullOrEmpty(ns)).Select(ns => ns!).Concat(Standard).Distinct();
    }
}
