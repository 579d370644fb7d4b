using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Tools
{
    /// <summary>
    /// Several tool installs as one operation: requests are collected (the same tool twice into one folder
    /// only once, since it would race with itself), then installed in parallel; one tool's failure never
    /// hides the others' results.
    /// </summary>
    public sealed class ToolInstallBatch
    {
        private readonly IOperationLog _log;
        private readonly List<ToolInstallRequest> _requests = new List<ToolInstallRequest>();

        public ToolInstallBatch(IOperationLog log)
        {
            _log = log;
        }

        public IReadOnlyList<ToolInstallRequest> Requests => _requests;

        /// <summary>Adds a request unless the same tool is already asked for in the same folder.</summary>
        public void Add(ToolInstallRequest request)
        {
            if (!_requests.Any(r => string.Equals(r.Name, request.Name, StringComparison.OrdinalIgnoreCase) && r.Destination == request.Destination))
            {
                _requests.Add(request);
            }
        }

        /// <summary>Installs every request at once; the outcomes come back in request order.</summary>
        /// <param name="progressFor">A progress sink for each request (its 1-based number lets a host give each its own bar).</param>
        /// <exception cref="ToolInstallException">A version or hash pinned for several tools at once.</exception>
        public async Task<IReadOnlyList<ToolInstallOutcome>> InstallAsync(ToolInstaller installer, Func<ToolInstallRequest, int, IProgress<ToolInstallProgress>?> progressFor, CancellationToken cancellationToken)
        {
            if (_requests.Count > 1 && _requests.Any(r => r.Version != null || r.Sha256 != null))
            {
                throw new ToolInstallException(ToolInstallError.VersionForSeveralTools,
                    "-Version and -Sha256 apply to one tool; install several tools with separate commands to pin each.");
            }

            var outcomes = await Task.WhenAll(_requests.Select((request, index) => RunAsync(installer, request, progressFor(request, index + 1), cancellationToken))).ConfigureAwait(false);
            WarnAboutFoldersOffPath(outcomes);
            return outcomes;
        }

        private static async Task<ToolInstallOutcome> RunAsync(ToolInstaller installer, ToolInstallRequest request, IProgress<ToolInstallProgress>? progress, CancellationToken cancellationToken)
        {
            try
            {
                return new ToolInstallOutcome(request, await installer.InstallAsync(request, progress, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                return new ToolInstallOutcome(request, null, ex);
            }
        }

        /// <summary>Once per folder, and only where a tool was really placed (not on failure, not under -WhatIf).</summary>
        private void WarnAboutFoldersOffPath(IEnumerable<ToolInstallOutcome> outcomes)
        {
            var placedIn = outcomes.Where(o => o.Result?.Status == ToolStatus.Installed || o.Result?.Status == ToolStatus.Updated)
                .Select(o => o.Request.Destination)
                .Distinct()
                .Where(folder => !ToolDestination.IsOnPath(folder));
            foreach (var folder in placedIn)
            {
                _log.Warning($"{folder} is not on PATH; add it to run the tools by name.");
            }
        }
    }

    /// <summary>What became of one request: the tool (null under -WhatIf), or the failure.</summary>
    public sealed class ToolInstallOutcome
    {
        public ToolInstallOutcome(ToolInstallRequest request, KubeLabTool? result, Exception? error)
        {
            Request = request;
            Result = result;
            Error = error;
        }

        public ToolInstallRequest Request { get; }

        public KubeLabTool? Result { get; }

        public Exception? Error { get; }
    }
}
