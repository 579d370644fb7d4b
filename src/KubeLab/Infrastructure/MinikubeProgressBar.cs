using System;
using System.Management.Automation;
using KubeLab.Minikube;

namespace KubeLab.Infrastructure
{
    /// <summary>One progress bar for a minikube command, fed by its step events: step N of M, with the step's name.</summary>
    internal sealed class MinikubeProgressBar : IProgress<MinikubeProgress>
    {
        private const int ActivityId = 9;
        private readonly Action<ProgressRecord> _write;

        public MinikubeProgressBar(Action<ProgressRecord> write)
        {
            _write = write;
        }

        public void Report(MinikubeProgress value)
        {
            if (value.Completed)
            {
                _write(new ProgressRecord(ActivityId, value.Activity, "Done") { RecordType = ProgressRecordType.Completed });
                return;
            }

            var status = value.TotalSteps > 0 ? $"Step {value.CurrentStep} of {value.TotalSteps}: {value.StepName}" : value.StepName;
            _write(new ProgressRecord(ActivityId, value.Activity, string.IsNullOrEmpty(status) ? "Working" : status)
            {
                PercentComplete = value.PercentComplete,
                CurrentOperation = value.Message,
            });
        }
    }
}
