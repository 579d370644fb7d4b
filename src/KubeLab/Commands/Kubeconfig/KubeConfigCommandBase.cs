using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KubeLab.Kubeconfig;
using KubeLab.Infrastructure;

namespace KubeLab.Commands
{
    /// <summary>
    /// What every kubeconfig cmdlet shares: -Path (an explicit file, like kubectl --kubeconfig), the store
    /// over KUBECONFIG or that file, wildcard matching of names, and KubeConfigException as an ErrorRecord.
    /// </summary>
    public abstract class KubeConfigCommandBase : PSCmdlet
    {
        private KubeConfigStore? _store;

        /// <summary>A single kubeconfig file to use instead of $env:KUBECONFIG or ~/.kube/config; it must exist.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        protected KubeConfigStore Store => _store ??= new KubeConfigStore(
            KubeConfigLocation.Resolve(Path == null ? null : GetUnresolvedProviderPathFromPSPath(Path)),
            new CmdletOperationLog(WriteVerbose, WriteWarning));

        /// <summary>Reads the merged config; an unreadable file ends the cmdlet, since nothing else can be trusted.</summary>
        protected KubeConfig ReadConfig()
        {
            try
            {
                return Store.Read();
            }
            catch (KubeConfigException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, Path));
                throw; // not reached: ThrowTerminatingError always throws
            }
        }

        /// <summary>Runs one edit; a failure is reported for that item and the pipeline goes on.</summary>
        protected T? TryEdit<T>(Func<T> edit, object target)
            where T : class
        {
            try
            {
                return edit();
            }
            catch (KubeConfigException ex)
            {
                WriteError(ToErrorRecord(ex, target));
                return null;
            }
        }

        /// <summary>Names matching any of the patterns; a literal name that matches nothing is an error, as in Get-Process.</summary>
        protected IEnumerable<T> SelectByName<T>(IEnumerable<T> items, Func<T, string> nameOf, string[]? patterns, string kind)
        {
            var sorted = items.OrderBy(nameOf, StringComparer.Ordinal).ToList();
            if (patterns == null || patterns.Length == 0)
            {
                return sorted;
            }

            var selected = new List<T>();
            foreach (var pattern in patterns)
            {
                var wildcard = WildcardPattern.Get(pattern, WildcardOptions.None);
                var matches = sorted.Where(item => wildcard.IsMatch(nameOf(item))).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    WriteError(new ErrorRecord(
                        new ItemNotFoundException($"No {kind} named '{pattern}' in {DescribeFiles()}."),
                        ErrorIds.KubeConfigNotFound,
                        ErrorCategory.ObjectNotFound,
                        pattern));
                }

                selected.AddRange(matches.Where(match => !selected.Contains(match)));
            }

            return selected;
        }

        protected string DescribeFiles() => string.Join(System.IO.Path.PathSeparator.ToString(), Store.Location.Precedence);

        internal static ErrorRecord ToErrorRecord(KubeConfigException ex, object? target)
        {
            var (id, category) = ex.Kind switch
            {
                KubeConfigErrorKind.InvalidFile => (ErrorIds.KubeConfigInvalid, ErrorCategory.InvalidData),
                KubeConfigErrorKind.NotFound => (ErrorIds.KubeConfigNotFound, ErrorCategory.ObjectNotFound),
                KubeConfigErrorKind.AlreadyExists => (ErrorIds.KubeConfigEntryExists, ErrorCategory.ResourceExists),
                KubeConfigErrorKind.Locked => (ErrorIds.KubeConfigLocked, ErrorCategory.ResourceBusy),
                _ => (ErrorIds.KubeConfigIoFailed, ErrorCategory.WriteError),
            };
            return new ErrorRecord(ex, id, category, target ?? ex.File);
        }
    }
}
