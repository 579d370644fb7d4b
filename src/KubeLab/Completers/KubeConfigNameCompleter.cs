using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeLab;
using KubeLab.Kubeconfig;

namespace KubeLab.Completers
{
    /// <summary>
    /// Completes names from the merged kubeconfig (or the file given with -Path on the same command line).
    /// A broken file completes nothing: tab completion must never throw at the user.
    /// </summary>
    public abstract class KubeConfigNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = WildcardPattern.Get(typed + "*", WildcardOptions.IgnoreCase);
            return ReadNames(ResolveAgainstLocation(fakeBoundParameters?["Path"] as string))
                .Where(name => pattern.IsMatch(name))
                .OrderBy(name => name, StringComparer.Ordinal)
                .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name))
                .ToList();
        }

        protected abstract IEnumerable<string> Names(KubeConfig config);

        private IEnumerable<string> ReadNames(string? path)
        {
            try
            {
                return Names(new KubeConfigStore(KubeConfigLocation.Resolve(path), NullOperationLog.Instance).Read()).ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<string>();
            }
        }

        // Completion runs on the pipeline thread, so a script block invoked here sees the session's current
        // location (created per call: a script block binds to the runspace it first runs in).
        private const string ResolveScript = "param($p) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)";

        /// <summary>
        /// A typed -Path made absolute the way the cmdlet will resolve it: against PowerShell's current location
        /// (and ~ expanded), not the process directory.
        /// </summary>
        private static string? ResolveAgainstLocation(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return path;
            }

            try
            {
                return ScriptBlock.Create(ResolveScript).Invoke(path).Select(result => result?.BaseObject as string).FirstOrDefault() ?? path;
            }
            catch (Exception)
            {
                return path;
            }
        }

        private static string Quote(string name) =>
            name.Any(c => char.IsWhiteSpace(c) || "'\"$`;(){}@,|&<>#".IndexOf(c) >= 0) ? "'" + name.Replace("'", "''") + "'" : name;
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
