using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Lab
{
    /// <summary>
    /// Runs the lab's steps as a dependency graph: a step starts as soon as every step it depends on has finished,
    /// so independent steps overlap (the tool downloads run while apt installs Docker). A step already done is not
    /// run; a failed step stops the steps that depend on it, and the others still run. Safe to run again: a
    /// second run finds every step done and changes nothing; an interrupted run resumes where it stopped.
    /// </summary>
    public sealed class LabRunner
    {
        private readonly IOperationLog _log;

        public LabRunner(IOperationLog log)
        {
            _log = log;
        }

        /// <param name="shouldProcess">Asked once per step that would run (target, action); false skips it (-WhatIf).</param>
        /// <param name="progress">Lab-level progress: which steps are finished, and each running step's own status.</param>
        /// <param name="listWholePlan">-WhatIf: steps after a declined one are still planned and shown (never run), and done steps say so.</param>
        public async Task<IReadOnlyList<LabStepResult>> RunAsync(
            IReadOnlyList<ILabStep> steps,
            Func<string, string, bool> shouldProcess,
            IProgress<LabProgress>? progress,
            CancellationToken cancellationToken,
            bool listWholePlan = false)
        {
            Validate(steps);
            var finished = new Dictionary<string, Task<LabStepResult>>(StringComparer.Ordinal);
            var completed = 0;
            var gate = new object();

            // Steps are listed in an order where dependencies come first (checked above), so each task can await its
            // dependencies' tasks, which already exist.
            foreach (var step in steps)
            {
                var dependencies = step.DependsOn.Select(name => finished[name]).ToArray();
                finished[step.Name] = RunWhenReadyAsync(step, dependencies, shouldProcess, listWholePlan, Report, cancellationToken);
            }

            var results = await Task.WhenAll(steps.Select(step => finished[step.Name])).ConfigureAwait(false);
            progress?.Report(new LabProgress(steps.Count, steps.Count, null, null, completed: true));
            return results;

            void Report(ILabStep step, LabStepProgress? stepProgress, bool stepFinished)
            {
                int done;
                lock (gate)
                {
                    done = stepFinished ? ++completed : completed;
                }

                progress?.Report(new LabProgress(done, steps.Count, step.Name, stepProgress, completed: false));
            }
        }

        private async Task<LabStepResult> RunWhenReadyAsync(
            ILabStep step,
            Task<LabStepResult>[] dependencies,
            Func<string, string, bool> shouldProcess,
            bool listWholePlan,
            Action<ILabStep, LabStepProgress?, bool> report,
            CancellationToken cancellationToken)
        {
            var before = await Task.WhenAll(dependencies).ConfigureAwait(false);
            var startedAt = DateTimeOffset.UtcNow;
            var result = await RunStepAsync(step, before, shouldProcess, listWholePlan, report, cancellationToken).ConfigureAwait(false);
            result.StartedAt = startedAt;
            return result;
        }

        private async Task<LabStepResult> RunStepAsync(
            ILabStep step,
            LabStepResult[] before,
            Func<string, string, bool> shouldProcess,
            bool listWholePlan,
            Action<ILabStep, LabStepProgress?, bool> report,
            CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var blocked = before.FirstOrDefault(r => r.Status == LabStepStatus.Failed || (r.Status == LabStepStatus.Skipped && !(listWholePlan && r.Declined)));
                if (blocked != null)
                {
                    return new LabStepResult(step.Name, LabStepStatus.Skipped, TimeSpan.Zero, $"{blocked.Name} did not run or failed.");
                }

                if (await step.IsDoneAsync(cancellationToken).ConfigureAwait(false))
                {
                    _log.Verbose($"{step.Name}: already done.");
                    if (listWholePlan)
                    {
                        shouldProcess(step.Name, "Already done: nothing to run");
                    }

                    return new LabStepResult(step.Name, LabStepStatus.AlreadyDone, watch.Elapsed, "Already in place.");
                }

                var plan = await step.PlanAsync(cancellationToken).ConfigureAwait(false);
                var approved = shouldProcess(step.Name, string.Join(Environment.NewLine, new[] { "Run:" }.Concat(plan.Select(line => "  " + line))));

                // Only listing (a step it depends on was not run): shown, never run.
                if (!approved || before.Any(r => r.Declined))
                {
                    return new LabStepResult(step.Name, LabStepStatus.Skipped, TimeSpan.Zero, "Not run (-WhatIf or declined).") { Declined = true };
                }

                report(step, new LabStepProgress("Starting"), false);
                var detail = await step.RunAsync(new Progress(step, report), cancellationToken).ConfigureAwait(false);
                return new LabStepResult(step.Name, LabStepStatus.Done, watch.Elapsed, detail);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                _log.Verbose($"{step.Name} failed: {ex.Message}");
                return new LabStepResult(step.Name, LabStepStatus.Failed, watch.Elapsed, ex.Message, ex);
            }
            finally
            {
                report(step, null, true);
            }
        }

        private static void Validate(IReadOnlyList<ILabStep> steps)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in steps)
            {
                var missing = step.DependsOn.FirstOrDefault(name => !seen.Contains(name));
                if (missing != null)
                {
                    throw new ArgumentException($"Lab step '{step.Name}' depends on '{missing}', which is not listed before it.", nameof(steps));
                }

                if (!seen.Add(step.Name))
                {
                    throw new ArgumentException($"Lab step '{step.Name}' is listed twice.", nameof(steps));
                }
            }
        }

        /// <summary>Forwards a step's own progress synchronously (Progress&lt;T&gt; would post it to the pool, out of order).</summary>
        private sealed class Progress : IProgress<LabStepProgress>
        {
            private readonly ILabStep _step;
            private readonly Action<ILabStep, LabStepProgress?, bool> _report;

            public Progress(ILabStep step, Action<ILabStep, LabStepProgress?, bool> report)
            {
                _step = step;
                _report = report;
            }

            public void Report(LabStepProgress value) => _report(_step, value, false);
        }
    }

    /// <summary>The lab's progress: steps finished of all, and the latest news of one step.</summary>
    public sealed class LabProgress
    {
        public LabProgress(int finishedSteps, int totalSteps, string? step, LabStepProgress? stepProgress, bool completed)
        {
            FinishedSteps = finishedSteps;
            TotalSteps = totalSteps;
            Step = step;
            StepProgress = stepProgress;
            Completed = completed;
        }

        public int FinishedSteps { get; }

        public int TotalSteps { get; }

        /// <summary>The step this news is about; null for the lab as a whole.</summary>
        public string? Step { get; }

        /// <summary>That step's own status; null when it has just finished.</summary>
        public LabStepProgress? StepProgress { get; }

        /// <summary>The whole lab is finished.</summary>
        public bool Completed { get; }
    }
}
