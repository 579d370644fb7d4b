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
        private DockerPlan? _plan;

        /// <param name="installer">Made on first use (it owns a downloader only a real install needs).</param>
        public DockerLabStep(Func<DockerInstaller> installer, DockerInstallOptions options, LabRecord record)
        {
            _installer = installer;
            _options = options;
            _record = record;
        }

        public string Name => LabStepNames.Docker;

        public IReadOnlyList<string> DependsOn { get; } = new[] { LabStepNames.HostChecks };

        public async Task<bool> IsDoneAsync(CancellationToken cancellationToken) =>
            (await PlanOnceAsync(cancellationToken).ConfigureAwait(false)).Steps.Count == 0;

        public async Task<IReadOnlyList<string>> PlanAsync(CancellationToken cancellationToken) =>
            (await PlanOnceAsync(cancellationToken).ConfigureAwait(false)).Steps.Select(step => step.ToString()).ToList();

        public async Task<string> RunAsync(IProgress<LabStepProgress> progress, CancellationToken cancellationToken)
        {
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
