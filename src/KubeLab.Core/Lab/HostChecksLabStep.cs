using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Host;

namespace KubeLab.Lab
{
    /// <summary>
    /// Test-KubeLabHost's checks as the lab's first step. The Docker checks are left out: installing Docker and
    /// joining its group is what the lab is about to do. A failed requirement stops the lab before anything changes,
    /// with each check's advice; with -Force the failures become warnings and the step's detail lists them. Done
    /// when a previous run recorded the checks as passed (or accepted) and they still are.
    /// </summary>
    public sealed class HostChecksLabStep : ILabStep
    {
        private readonly Func<CancellationToken, Task<IReadOnlyList<HostCheck>>> _runChecks;
        private readonly LabRecord _record;
        private readonly IOperationLog _log;
        private readonly bool _force;
        private IReadOnlyList<HostCheck>? _failed;

        public HostChecksLabStep(Func<CancellationToken, Task<IReadOnlyList<HostCheck>>> runChecks, LabRecord record, IOperationLog log, bool force)
        {
            _runChecks = runChecks;
            _record = record;
            _log = log;
            _force = force;
        }

        public string Name => LabStepNames.HostChecks;

        public IReadOnlyList<string> DependsOn { get; } = Array.Empty<string>();

        public async Task<bool> IsDoneAsync(CancellationToken cancellationToken)
        {
            var failed = await FailedAsync(cancellationToken).ConfigureAwait(false);
            var recorded = _record.Get(LabRecord.HostChecksKey);
            if (recorded == null || (failed.Count > 0 && !_force))
            {
                return false;
            }

            var accepted = recorded.Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries);
            return failed.All(check => accepted.Contains(check.Check));
        }

        public async Task<IReadOnlyList<string>> PlanAsync(CancellationToken cancellationToken)
        {
            var failed = await FailedAsync(cancellationToken).ConfigureAwait(false);
            var plan = new List<string> { "Check the host (Test-KubeLabHost): OS, architecture, CPUs, memory, disk, namespaces, cgroups, overlayfs" };
            plan.AddRange(failed.Select(check => $"Failed: {check.Check} ({check.Actual}){(_force ? " - accepted with -Force" : " - the lab stops here")}"));
            plan.Add("Record the result in " + _record.Location);
            return plan;
        }

        public async Task<string> RunAsync(IProgress<LabStepProgress> progress, CancellationToken cancellationToken)
        {
            var failed = await FailedAsync(cancellationToken).ConfigureAwait(false);
            if (failed.Count > 0 && !_force)
            {
                throw new HostChecksFailedException(failed);
            }

            foreach (var check in failed)
            {
                _log.Warning($"Host check '{check.Check}' failed ({check.Actual}); going on because of -Force. {check.Advice}");
            }

            _record.Set(LabRecord.HostChecksKey, string.Join("|", failed.Select(check => check.Check)));
            return failed.Count == 0
                ? "Every required check passed."
                : "Passed except (accepted with -Force): " + string.Join("; ", failed.Select(check => $"{check.Check} ({check.Actual})"));
        }

        /// <summary>The required checks that failed, the Docker ones aside; asked once per run.</summary>
        private async Task<IReadOnlyList<HostCheck>> FailedAsync(CancellationToken cancellationToken)
        {
            if (_failed == null)
            {
                var checks = await _runChecks(cancellationToken).ConfigureAwait(false);
                _failed = checks.Where(check => !check.Passed && !check.Optional && !IsAboutDocker(check)).ToList();
            }

            return _failed;
        }

        private static bool IsAboutDocker(HostCheck check) => check.Check.StartsWith("Docker ", StringComparison.Ordinal);
    }

    /// <summary>Required host checks failed: the lab stops before anything changes, with each check's advice.</summary>
    public sealed class HostChecksFailedException : Exception
    {
        public HostChecksFailedException(IReadOnlyList<HostCheck> failed)
            : base("This machine fails the lab's requirements, so nothing was changed: " +
                   string.Join(" ", failed.Select(check => $"[{check.Check}: needs {check.Required}, has {check.Actual}] {check.Advice}")) +
                   " Fix these, or run Install-KubeLab -Force to go on anyway (the failures become warnings).")
        {
            Failed = failed;
        }

        public IReadOnlyList<HostCheck> Failed { get; }
    }
}
