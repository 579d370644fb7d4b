using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Tools;

namespace KubeLab.Lab
{
    /// <summary>
    /// The lab's tools (docker-compose, kubectl, kustomize, minikube) in one folder. Done when each is there and
    /// answers with its version, whoever placed it: a second run asks no server anything. Missing tools are
    /// installed together, SHA-256 verified, and reported as one progress figure.
    /// </summary>
    public sealed class ToolsLabStep : ILabStep
    {
        private readonly ToolInventory _inventory;
        private readonly Func<ToolInstaller> _installer;
        private readonly IOperationLog _log;
        private readonly string _destination;
        private readonly IReadOnlyList<string> _tools;
        private IReadOnlyList<KubeLabTool>? _found;

        /// <param name="installer">Made only when something is to be installed (it owns a downloader).</param>
        public ToolsLabStep(ToolInventory inventory, Func<ToolInstaller> installer, IOperationLog log, string destination, IReadOnlyList<string> tools, params string[] dependsOn)
        {
            _inventory = inventory;
            _installer = installer;
            _log = log;
            _destination = destination;
            _tools = tools;
            DependsOn = dependsOn;
        }

        public string Name => LabStepNames.Tools;

        public IReadOnlyList<string> DependsOn { get; }

        /// <summary>What the tools reported when last looked at (for the lab's summary of versions).</summary>
        public IReadOnlyList<KubeLabTool> Found => _found ?? Array.Empty<KubeLabTool>();

        public async Task<bool> IsDoneAsync(CancellationToken cancellationToken) =>
            (await LookAsync(cancellationToken).ConfigureAwait(false)).Count == 0;

        public async Task<IReadOnlyList<string>> PlanAsync(CancellationToken cancellationToken)
        {
            var missing = await MissingAsync(cancellationToken).ConfigureAwait(false);
            return missing.Select(name => $"Install {name} (latest stable) into {_destination}, SHA-256 verified before it is placed").ToList();
        }

        public async Task<string> RunAsync(IProgress<LabStepProgress> progress, CancellationToken cancellationToken)
        {
            var missing = await MissingAsync(cancellationToken).ConfigureAwait(false);
            var batch = new ToolInstallBatch(_log);
            foreach (var name in missing)
            {
                batch.Add(new ToolInstallRequest(name, _destination));
            }

            var downloads = new ConcurrentDictionary<string, ToolInstallProgress>();
            var outcomes = await batch.InstallAsync(_installer(), (request, _) => new DownloadsProgress(downloads, progress), cancellationToken).ConfigureAwait(false);
            var failure = outcomes.FirstOrDefault(o => o.Error != null);
            if (failure != null)
            {
                // The others are placed (each atomically); the next run installs only what is still missing.
                throw failure.Error!;
            }

            await LookAsync(cancellationToken).ConfigureAwait(false); // refresh what Found reports
            return string.Join(", ", outcomes.Select(o => $"{o.Result?.Name} {o.Result?.Version}"));
        }

        /// <summary>What is missing as of the last look (the runner looks with IsDoneAsync just before planning and running).</summary>
        private Task<IReadOnlyList<string>> MissingAsync(CancellationToken cancellationToken) =>
            _found == null ? LookAsync(cancellationToken) : Task.FromResult(Missing(_found));

        /// <summary>Asks each tool its version (no hashing: whoever placed a tool, it counts when it answers).</summary>
        private async Task<IReadOnlyList<string>> LookAsync(CancellationToken cancellationToken)
        {
            _found = await _inventory.GetAsync(_tools, _destination, online: false, cancellationToken, checkRecords: false).ConfigureAwait(false);
            return Missing(_found);
        }

        private static IReadOnlyList<string> Missing(IEnumerable<KubeLabTool> found) =>
            found.Where(tool => !tool.Installed || tool.Version == null).Select(tool => tool.Name).ToList();

        /// <summary>All downloads of the step as one figure: bytes so far of all bytes known.</summary>
        private sealed class DownloadsProgress : IProgress<ToolInstallProgress>
        {
            private readonly ConcurrentDictionary<string, ToolInstallProgress> _downloads;
            private readonly IProgress<LabStepProgress> _progress;

            public DownloadsProgress(ConcurrentDictionary<string, ToolInstallProgress> downloads, IProgress<LabStepProgress> progress)
            {
                _downloads = downloads;
                _progress = progress;
            }

            public void Report(ToolInstallProgress value)
            {
                _downloads[value.Name] = value;
                var all = _downloads.Values.ToList();
                var received = all.Sum(d => d.BytesReceived);
                var total = all.Sum(d => d.TotalBytes ?? d.BytesReceived);
                var percent = total > 0 ? (int?)Math.Min(100, received * 100 / total) : null;
                _progress.Report(new LabStepProgress($"Downloading {string.Join(", ", all.Where(d => !d.Completed).Select(d => d.Name))}", percent));
            }
        }
    }
}
