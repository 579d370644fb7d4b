using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Completers;
using KubeLab.Docker;
using KubeLab.Infrastructure;
using KubeLab.Lab;
using KubeLab.Minikube;
using KubeLab.Processes;

namespace KubeLab.Commands
{
    /// <summary>The whole lab in one command: host checks, Docker Engine, the docker group, docker-compose, kubectl, kustomize and minikube, then a running cluster. Steps already done are skipped, so it is safe to run again.</summary>
    [Cmdlet(VerbsLifecycle.Install, "KubeLab", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LabSummary))]
    public sealed class InstallKubeLabCommand : AsyncPSCmdlet
    {
        private const int LabActivityId = 0x1AB0;

        /// <summary>Where Docker comes from: Official (Docker's apt repository, the default) or Distribution (the distribution's docker.io).</summary>
        [Parameter]
        [ValidateSet(nameof(Docker.DockerSource.Official), nameof(Docker.DockerSource.Distribution))]
        public DockerSource DockerSource { get; set; } = DockerSource.Official;

        /// <summary>http(s) base URI or folder with the upstream layout HOST/PATH, for every download: Docker's key and apt repository, the four tools, minikube's binary mirror. Default $env:KUBELAB_MIRROR.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Mirror { get; set; }

        /// <summary>The minikube profile (and context) to start; default minikube.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeProfileCompleter))]
        public string? Profile { get; set; }

        /// <summary>minikube's driver; default docker.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeOptionCompleter))]
        public string? Driver { get; set; }

        /// <summary>stable, latest, or a version such as v1.33.1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KubernetesVersionCompleter))]
        public string? KubernetesVersion { get; set; }

        /// <summary>CPUs for the node: a number, max or no-limit.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeOptionCompleter))]
        public string? Cpus { get; set; }

        /// <summary>Memory for the node, such as 4096 (MB), 4g or 4GB.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeOptionCompleter))]
        public string? Memory { get; set; }

        /// <summary>Addons to enable while starting, such as metrics-server, ingress.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MinikubeAddonCompleter))]
        public string[] Addon { get; set; } = new string[0];

        /// <summary>Install everything but do not start minikube.</summary>
        [Parameter]
        public SwitchParameter SkipMinikubeStart { get; set; }

        /// <summary>Where the four tools go; default /usr/local/bin as root, else ~/.local/bin.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>Go on past failed host checks: they become warnings and the host step's detail lists them.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
        {
            MinikubeStartOptions? minikube = null;
            if (!SkipMinikubeStart)
            {
                minikube = new MinikubeStartOptions
                {
                    Profile = Profile,
                    Driver = Driver,
                    KubernetesVersion = KubernetesVersion,
                    Cpus = Cpus,
                    Memory = Memory,
                    BinaryMirror = pipeline.Services.MinikubeBinaryMirror(Mirror),
                };
                foreach (var addon in Addon)
                {
                    minikube.Addons.Add(addon);
                }
            }

            using var downloader = pipeline.Services.Downloader(Mirror);
            var installer = pipeline.Services.LabInstaller(downloader, Mirror, DockerSource, Force.IsPresent, Destination, minikube);
            var bars = new LabProgressBars(pipeline, installer.Steps.Select(step => step.Name).ToList());
            var whatIf = MyInvocation.BoundParameters.ContainsKey("WhatIf");
            var summary = await installer.InstallAsync(pipeline.ShouldProcess, bars, whatIf, cancellationToken).ConfigureAwait(false);
            bars.Complete();

            // A failed host check means nothing changed: stop with the checks' advice.
            var host = summary.Steps.First(step => step.Name == LabStepNames.HostChecks);
            if (host.Error is HostChecksFailedException checks)
            {
                throw pipeline.Fail(checks, LabStepNames.HostChecks);
            }

            pipeline.WriteObject(summary);
            foreach (var failed in summary.Steps.Where(step => step.Error != null && !(step.Error is ElevationRequiredException)))
            {
                pipeline.WriteError(ErrorMapping.IsKnown(failed.Error!)
                    ? ErrorMapping.ToErrorRecord(failed.Error!, failed.Name)
                    : ErrorMapping.Create(failed.Error!, ErrorIds.LabStepFailed, failed.Name));
            }

            // Not root and no sudo: a failed precondition, which ends the command once the summary shows what did run.
            var elevation = summary.Steps.FirstOrDefault(step => step.Error is ElevationRequiredException);
            if (elevation != null)
            {
                throw pipeline.Fail(elevation.Error!, elevation.Name);
            }
        }

        /// <summary>One bar over the steps, and a child bar for each running step.</summary>
        private sealed class LabProgressBars : IProgress<LabProgress>
        {
            private readonly CmdletPipeline _pipeline;
            private readonly List<string> _steps;

            public LabProgressBars(CmdletPipeline pipeline, List<string> steps)
            {
                _pipeline = pipeline;
                _steps = steps;
            }

            public void Report(LabProgress value)
            {
                if (value.Completed)
                {
                    return;
                }

                _pipeline.WriteProgress(new ProgressRecord(LabActivityId, "Install-KubeLab", $"{value.FinishedSteps} of {value.TotalSteps} steps finished")
                {
                    PercentComplete = value.FinishedSteps * 100 / Math.Max(1, value.TotalSteps),
                });
                if (value.Step == null)
                {
                    return;
                }

                var child = new ProgressRecord(LabActivityId + 1 + IndexOf(value.Step), value.Step, value.StepProgress?.Status ?? "Finished")
                {
                    ParentActivityId = LabActivityId,
                };
                if (value.StepProgress == null)
                {
                    child.RecordType = ProgressRecordType.Completed;
                }
                else if (value.StepProgress.Percent is int percent)
                {
                    child.PercentComplete = percent;
                }

                _pipeline.WriteProgress(child);
            }

            public void Complete() =>
                _pipeline.WriteProgress(new ProgressRecord(LabActivityId, "Install-KubeLab", "Done") { RecordType = ProgressRecordType.Completed });

            private int IndexOf(string step) => Math.Max(0, _steps.IndexOf(step));
        }
    }
}
