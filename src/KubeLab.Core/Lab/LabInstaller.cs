using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Lab
{
    /// <summary>
    /// Install-KubeLab: the lab's steps wired as a graph and run by <see cref="LabRunner"/>. The host checks come first;
    /// Docker and the tools depend only on them, so the four downloads run while apt installs Docker; the docker group
    /// follows Docker; minikube starts once the group and the tools are there.
    /// </summary>
    public sealed class LabInstaller
    {
        private readonly HostChecksLabStep _host;
        private readonly DockerLabStep _docker;
        private readonly DockerGroupLabStep _group;
        private readonly ToolsLabStep _tools;
        private readonly MinikubeLabStep? _minikube;
        private readonly Func<CancellationToken, Task<string?>> _dockerVersion;
        private readonly LabRunner _runner;

        /// <param name="tools">Must depend on the host checks only (so that it overlaps Docker).</param>
        /// <param name="minikube">Null with -SkipMinikubeStart.</param>
        /// <param name="dockerVersion">The engine's version for the summary (the local daemon, asked after the run).</param>
        public LabInstaller(HostChecksLabStep host, DockerLabStep docker, DockerGroupLabStep group, ToolsLabStep tools, MinikubeLabStep? minikube,
            Func<CancellationToken, Task<string?>> dockerVersion, LabRunner runner)
        {
            _host = host;
            _docker = docker;
            _group = group;
            _tools = tools;
            _minikube = minikube;
            _dockerVersion = dockerVersion;
            _runner = runner;
        }

        /// <summary>The steps in the order the summary shows them (each after what it depends on).</summary>
        public IReadOnlyList<ILabStep> Steps =>
            new ILabStep?[] { _host, _docker, _group, _tools, _minikube }.Where(step => step != null).Select(step => step!).ToList();

        /// <param name="listWholePlan">-WhatIf: every step is shown, whether it would run or is already done.</param>
        public async Task<LabSummary> InstallAsync(Func<string, string, bool> shouldProcess, IProgress<LabProgress>? progress, bool listWholePlan, CancellationToken cancellationToken)
        {
            var results = await _runner.RunAsync(Steps, shouldProcess, progress, cancellationToken, listWholePlan).ConfigureAwait(false);
            var byName = results.ToDictionary(result => result.Name, StringComparer.Ordinal);

            var versions = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (IsInPlace(byName[LabStepNames.Docker]))
            {
                versions["docker"] = await _dockerVersion(cancellationToken).ConfigureAwait(false);
            }

            foreach (var tool in _tools.Found)
            {
                versions[tool.Name] = tool.Version;
            }

            var context = _minikube != null && IsInPlace(byName[LabStepNames.Minikube]) ? _minikube.Profile : null;
            return new LabSummary(results, versions, context, NextSteps(results));
        }

        private List<string> NextSteps(IReadOnlyList<LabStepResult> results)
        {
            var next = new List<string>();
            foreach (var failed in results.Where(result => result.Status == LabStepStatus.Failed))
            {
                next.Add($"Fix '{failed.Name}' ({failed.Detail}), then run Install-KubeLab again: it resumes where it stopped.");
            }

            if (_group.AddedThisRun)
            {
                next.Add($"{_group.UserName} was added to the docker group: log out and in again (or run 'newgrp docker') before using docker without sudo.");
            }

            if (_minikube == null)
            {
                next.Add("minikube was not started (-SkipMinikubeStart): Start-Minikube starts it.");
            }
            else if (IsInPlace(results.First(result => result.Name == LabStepNames.Minikube)))
            {
                next.Add($"kubectl now talks to the '{_minikube.Profile}' context: try 'kubectl get nodes' or Get-KubeContext.");
            }

            return next;
        }

        private static bool IsInPlace(LabStepResult result) => result.Status == LabStepStatus.Done || result.Status == LabStepStatus.AlreadyDone;
    }
}
