using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Docker;

namespace KubeLab.Lab
{
    /// <summary>
    /// Add-DockerGroupUser for the invoking user (SUDO_USER under sudo) as a lab step: done when the group database
    /// lists the user (or the user is root, who needs no group). A user added now is recorded, so Uninstall-KubeLab
    /// takes out only a user KubeLab put in; that user's open sessions get the group only after logging in again.
    /// </summary>
    public sealed class DockerGroupLabStep : ILabStep
    {
        private readonly DockerGroup _group;
        private readonly LabRecord _record;

        public DockerGroupLabStep(DockerGroup group, LabRecord record)
        {
            _group = group;
            _record = record;
        }

        public string Name => LabStepNames.DockerGroup;

        public IReadOnlyList<string> DependsOn { get; } = new[] { LabStepNames.Docker };

        public string UserName => _group.DefaultUser;

        /// <summary>True once this run has put the user in the group: their sessions need a new login.</summary>
        public bool AddedThisRun { get; private set; }

        public Task<bool> IsDoneAsync(CancellationToken cancellationToken) =>
            Task.FromResult(IsRoot || _group.PlanAdd(UserName).Count == 0);

        public Task<IReadOnlyList<string>> PlanAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(_group.PlanAdd(UserName).Select(step => step.ToString()).ToList());

        public async Task<string> RunAsync(IProgress<LabStepProgress> progress, CancellationToken cancellationToken)
        {
            var steps = _group.PlanAdd(UserName);
            _record.Set(LabRecord.DockerGroupKey, UserName);
            progress.Report(new LabStepProgress($"Adding {UserName} to the docker group"));
            await _group.ApplyAsync(UserName, steps, (_, _) => true, cancellationToken).ConfigureAwait(false);
            AddedThisRun = true;
            return $"Added {UserName} to the docker group.";
        }

        private bool IsRoot => UserName == "root";
    }
}
