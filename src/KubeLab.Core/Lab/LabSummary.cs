using System.Collections.Generic;
using System.Linq;

namespace KubeLab.Lab
{
    /// <summary>What Install-KubeLab returns: each step's result, the versions in place, the context, and what to do next.</summary>
    public sealed class LabSummary
    {
        public LabSummary(IReadOnlyList<LabStepResult> steps, IReadOnlyDictionary<string, string?> versions, string? context, IReadOnlyList<string> nextSteps)
        {
            Steps = steps;
            Versions = versions;
            Context = context;
            NextSteps = nextSteps;
        }

        /// <summary>Every step in order: Name, Status (Done, AlreadyDone, Skipped, Failed), Duration, Detail.</summary>
        public IReadOnlyList<LabStepResult> Steps { get; }

        /// <summary>Docker and each tool with the version in place (null when it is not there).</summary>
        public IReadOnlyDictionary<string, string?> Versions { get; }

        /// <summary>The kubeconfig context of the started cluster; null when minikube did not start.</summary>
        public string? Context { get; }

        /// <summary>What is left for the user to do (log in again for the docker group, fix a failed step ...).</summary>
        public IReadOnlyList<string> NextSteps { get; }

        /// <summary>True when no step failed or was skipped.</summary>
        public bool Succeeded => Steps.All(step => step.Status == LabStepStatus.Done || step.Status == LabStepStatus.AlreadyDone);
    }
}
