using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Infrastructure;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>
    /// What every kubeconfig cmdlet shares: -Path (an explicit file, like kubectl --kubeconfig), the store over
    /// KUBECONFIG or that file, and wildcard matching of names. Kubeconfig work is synchronous file I/O, so the
    /// bodies are plain methods that run on the pipeline thread.
    /// </summary>
    public abstract class KubeConfigCommandBase : AsyncPSCmdlet
    {
        private KubeConfigStore? _store;

        /// <summary>A single kubeconfig file to use instead of $env:KUBECONFIG or ~/.kube/config; it must exist.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        protected sealed override Task BeginProcessingAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            Begin(pipeline);
            return Task.CompletedTask;
        }

        protected sealed override Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            Process(pipeline);
            return Task.CompletedTask;
        }

        protected sealed override Task EndProcessingAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            End(pipeline);
            return Task.CompletedTask;
        }

        protected virtual void Begin(CmdletPipeline pipeline)
        {
        }

        protected virtual void Process(CmdletPipeline pipeline)
        {
        }

        protected virtual void End(CmdletPipeline pipeline)
        {
        }

        protected KubeConfigStore Store(CmdletPipeline pipeline) => _store ??= pipeline.Services.KubeConfigStore(Path);

        /// <summary>Reads the merged config; an unreadable file ends the cmdlet (the base class maps the error), since nothing else can be trusted.</summary>
        protected KubeConfig ReadConfig(CmdletPipeline pipeline) => Store(pipeline).Read();

        /// <summary>Runs one edit; a failure is reported for that item and the pipeline goes on.</summary>
        protected static T? TryEdit<T>(CmdletPipeline pipeline, Func<T> edit, object target)
            where T : class
        {
            try
            {
                return edit();
            }
            catch (KubeConfigException ex)
            {
                pipeline.WriteError(ex, target);
                return null;
            }
        }

        /// <summary>Names matching any of the patterns; a literal name that matches nothing is an error, as in Get-Process.</summary>
        protected IEnumerable<T> SelectByName<T>(CmdletPipeline pipeline, IEnumerable<T> items, Func<T, string> nameOf, string[]? patterns, string kind)
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
                    pipeline.WriteError(ErrorMapping.Create(
                        new ItemNotFoundException($"No {kind} named \"{pattern}\" in {DescribeFiles(pipeline)}."), ErrorIds.KubeConfigNotFound, pattern));
                }

                selected.AddRange(matches.Where(match => !selected.Contains(match)));
            }

            return selected;
        }

        protected string DescribeFiles(CmdletPipeline pipeline) => Store(pipeline).Location.SearchedFiles;
    }
}
