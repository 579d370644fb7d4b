using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Docker;

namespace KubeLab.Lab
{
    /// <summary>
    /// Install-Docker as a lab step: done when the packages are in place and the daemon answers (DockerInstaller's plan
    /// is empty; making it reads dpkg's database and pings the local socket, nothing else). The lab records Docker as
    /// its own only when it installed the packages, so Uninstall-KubeLab -RemoveDocker never removes a Docker it found.
    /// </summary>
    public sealed class DockerLabStep : ILabStep
    {
        private readonly Func<DockerInstaller> _installer;
        private readonly DockerInstallOptions _options;
        private readonly LabRecord _record;
        private readonly InterruptedDpkg _dpkg;
        private DockerPlan? _plan;

        /// <param name="installer">Made on first use (it owns a downloader only a real install needs).</param>
        /// <param name="dpkg">An install interrupted earlier is finished first (dpkg --configure -a), so the run resumes.</param>
        public DockerLabStep(Func<DockerInstaller> installer, DockerInstallOptions options, LabRecord record, InterruptedDpkg dpkg)
        {
            _installer = installer;
            _options = options;
            _record = record;
            _dpkg = dpkg;
        }

        public string Name => LabStepNames.Docker;

        public IReadOnlyList<string> DependsOn { get; } = new[] { LabStepNames.HostChecks };

        public async Task<bool> IsDoneAsync(CancellationToken cancellationToken) =>
            !_dpkg.IsInterrupted && (await PlanOnceAsync(cancellationToken).ConfigureAwait(false)).Steps.Count == 0;

        public async Task<IReadOnlyList<string>> PlanAsync(CancellationToken cancellationToken)
        {
            var steps = (await PlanOnceAsync(cancellationToken).ConfigureAwait(false)).Steps.Select(step => step.ToString());
            return (_dpkg.IsInterrupted ? new[] { $"Run (finish what an interrupted apt left half done): {InterruptedDpkg.Repair.Display}" }.Concat(steps) : steps).ToList();
        }

        public async Task<string> RunAsync(IProgress<LabStepProgress> progress, CancellationToken cancellationToken)
        {
            if (_dpkg.IsInterrupted)
            {
                progress.Report(new LabStepProgress("Finishing an interrupted install: " + InterruptedDpkg.Repair.Display));
                await _dpkg.RepairAsync(cancellationToken).ConfigureAwait(false);
                _plan = null; // dpkg's database has changed: plan again from what is now installed
            }

            var plan = await PlanOnceAsync(cancellationToken).ConfigureAwait(false);
            if (!plan.PackagesInPlace)
            {
                // Recorded before apt runs: an interrupted install is still KubeLab's to finish or remove.
                _record.Set(LabRecord.DockerKey, _options.Source.ToString());
            }

            var engine = await _installer().InstallAsync(plan, (_, _) => true, new StepProgress(progress), cancellationToken).ConfigureAwait(false);
            return $"Docker {engine?.ServerVersion} ({_options.Source}){(engine?.StartedBy != null ? ", daemon started by " + engine.StartedBy : string.Empty)}";
        }

        private async Task<DockerPlan> PlanOnceAsync(CancellationToken cancellationToken) =>
            _plan ??= await _installer().PlanInstallAsync(_options, cancellationToken).ConfigureAwait(false);

        private sealed class StepProgress : IProgress<DockerProgress>
        {
            private readonly IProgress<LabStepProgress> _progress;

            public StepProgress(IProgress<LabStepProgress> progress) => _progress = progress;

            public void Report(DockerProgress value) =>
                _progress.Report(new LabStepProgress(value.Description.Split('\n')[0], (value.Step - 1) * 100 / Math.Max(1, value.Total)));
        }
    }
}
