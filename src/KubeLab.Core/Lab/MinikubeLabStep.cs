using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Minikube;
using KubeLab.Processes;

namespace KubeLab.Lab
{
    /// <summary>
    /// Start-Minikube as the lab's last step, run as the invoking user (through sg when the group was just added).
    /// Done when `minikube status` says every node of the profile is up; minikube names the context after the profile.
    /// </summary>
    public sealed class MinikubeLabStep : ILabStep
    {
        private readonly Func<MinikubeClient> _client;
        private readonly MinikubeStartOptions _options;

        public MinikubeLabStep(Func<MinikubeClient> client, MinikubeStartOptions options)
        {
            _client = client;
            _options = options;
        }

        public string Name => LabStepNames.Minikube;

        public IReadOnlyList<string> DependsOn { get; } = new[] { LabStepNames.DockerGroup, LabStepNames.Tools };

        public string Profile => _options.Profile ?? MinikubeClient.DefaultProfile;

        public async Task<bool> IsDoneAsync(CancellationToken cancellationToken)
        {
            try
            {
                var nodes = await _client().GetStatusAsync(Profile, cancellationToken).ConfigureAwait(false);
                return nodes.Count > 0 && nodes.All(node => node.Healthy);
            }
            catch (Exception ex) when (ex is MinikubeException || ex is ProgramNotFoundException)
            {
                // No such profile yet, or no minikube yet (-WhatIf before the tools are there): not done.
                return false;
            }
        }

        public Task<IReadOnlyList<string>> PlanAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(new[]
            {
                "minikube " + string.Join(" ", MinikubeClient.StartArguments(_options)) + " (as the invoking user)",
                $"Write the context '{Profile}' into the invoking user's kubeconfig and make it current",
            });

        public async Task<string> RunAsync(IProgress<LabStepProgress> progress, CancellationToken cancellationToken)
        {
            var nodes = await _client().StartAsync(_options, new StepProgress(progress), cancellationToken).ConfigureAwait(false);
            var first = nodes.FirstOrDefault();
            return $"Profile {Profile}: {nodes.Count} node(s), host {first?.Host}, API server {first?.APIServer}; context {Profile}.";
        }

        private sealed class StepProgress : IProgress<MinikubeProgress>
        {
            private readonly IProgress<LabStepProgress> _progress;

            public StepProgress(IProgress<LabStepProgress> progress) => _progress = progress;

            public void Report(MinikubeProgress value) => _progress.Report(new LabStepProgress(value.StepName, value.PercentComplete));
        }
    }
}
