using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Processes;
using KubeLab.Releases;
using KubeLab.Downloads;

namespace KubeLab.Tools
{
    /// <summary>What is installed in a destination folder, and optionally what upstream's latest is.</summary>
    public sealed class ToolInventory
    {
        private readonly ToolVersionProbe _probe;
        private readonly IReleaseReader? _reader;
        private readonly IOperationLog _log;

        /// <param name="reader">Needed only for online checks; null means offline.</param>
        public ToolInventory(ICommandRunner runner, IReleaseReader? reader, IOperationLog log)
        {
            _probe = new ToolVersionProbe(runner);
            _reader = reader;
            _log = log;
        }

        /// <summary>One object per tool, in catalog order; all tools when <paramref name="names"/> is empty.</summary>
        /// <param name="checkRecords">
        /// Whether to tell ManagedByKubeLab (and the record's hash and source), which hashes every recorded binary:
        /// hundreds of MB for the four tools, wasted when only "is it there and does it answer" matters.
        /// </param>
        public async Task<IReadOnlyList<KubeLabTool>> GetAsync(IEnumerable<string> names, string destination, bool online, CancellationToken cancellationToken, bool checkRecords = true)
        {
            var tools = names.Select(ToolCatalog.Get).Distinct().ToList();
            if (tools.Count == 0)
            {
                tools = ToolCatalog.All.ToList();
            }

            var records = checkRecords ? new InstallRecords(destination) : null;
            var results = await Task.WhenAll(tools.Select(t => DescribeAsync(t, destination, records, online, cancellationToken))).ConfigureAwait(false);
            return results;
        }

        private async Task<KubeLabTool> DescribeAsync(ToolRelease tool, string destination, InstallRecords? records, bool online, CancellationToken cancellationToken)
        {
            var path = Path.Combine(destination, tool.BinaryName);
            var result = new KubeLabTool(tool.Name, destination, path) { Installed = File.Exists(path) };
            var version = result.Installed ? await _probe.GetVersionAsync(tool, path, cancellationToken).ConfigureAwait(false) : null;
            result.Version = version?.ToString();
            if (records != null)
            {
                await DescribeRecordAsync(result, records.Find(tool.Name)).ConfigureAwait(false);
            }
            if (online && _reader != null)
            {
                try
                {
                    var latest = await tool.Latest.ResolveAsync(_reader, cancellationToken).ConfigureAwait(false);
                    result.LatestVersion = latest.ToString();
                    result.UpdateAvailable = result.Installed && (version == null || version.CompareTo(latest) < 0);
                }
                catch (Exception ex) when (ex is DownloadException || ex is InvalidDataException)
                {
                    // One unreachable release feed should not hide the other tools; it only matters for a tool that is there.
                    var message = $"Latest {tool.Name} unknown: {ex.Message}";
                    if (result.Installed)
                    {
                        _log.Warning(message);
                    }
                    else
                    {
                        _log.Verbose(message);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// KubeLab manages the file when its install record names it and the hash still matches (the rule
        /// Uninstall-KubeLabTool applies); then the record's hash and source are shown.
        /// </summary>
        private static async Task DescribeRecordAsync(KubeLabTool tool, InstallRecord? record)
        {
            if (!tool.Installed || record == null)
            {
                tool.ManagedByKubeLab = false;
                return;
            }

            var actual = await Task.Run(() => InstallRecords.HashFile(tool.Path)).ConfigureAwait(false);
            tool.ManagedByKubeLab = string.Equals(actual, record.Sha256, StringComparison.Ordinal);
            if (tool.ManagedByKubeLab)
            {
                tool.Sha256 = record.Sha256;
                tool.Source = record.Source;
            }
        }
    }
}
