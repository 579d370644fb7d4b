using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Lab
{
    /// <summary>
    /// One step of the whole lab (host checks, Docker, the docker group, the tools, minikube ...). A step knows
    /// whether it is already done, so a second run changes nothing, and what it would run, for -WhatIf.
    /// </summary>
    public interface ILabStep
    {
        /// <summary>Short and stable: shown in the summary and the progress bar.</summary>
        string Name { get; }

        /// <summary>Steps that must have finished (done or already done) before this one starts.</summary>
        IReadOnlyList<string> DependsOn { get; }

        /// <summary>Whether the step's result is already in place; checked before anything runs. Must change nothing.</summary>
        Task<bool> IsDoneAsync(CancellationToken cancellationToken);

        /// <summary>What the step would do, in order: each command, file and check, for -WhatIf. Must change nothing.</summary>
        Task<IReadOnlyList<string>> PlanAsync(CancellationToken cancellationToken);

        /// <summary>Does the step; returns a one-line detail for the summary (versions placed, context written ...).</summary>
        Task<string> RunAsync(IProgress<LabStepProgress> progress, CancellationToken cancellationToken);
    }

    /// <summary>A step's own progress, shown as a child bar under the lab's bar.</summary>
    public sealed class LabStepProgress
    {
        public LabStepProgress(string status, int? percent = null)
        {
            Status = status;
            Percent = percent;
        }

        public string Status { get; }

        public int? Percent { get; }
    }
}
