using System.Collections.Generic;
using KubeLab.Host;
using KubeLab.Minikube;
using KubeLab.Tools;

namespace KubeLab.Lab
{
    /// <summary>What Get-KubeLab returns: what the lab has, and (with -Online) what is out of date.</summary>
    public sealed class LabState
    {
        /// <summary>True when every required host check passes (Docker's own checks aside: they are below).</summary>
        public bool HostChecksPassed { get; set; }

        /// <summary>The required host checks that fail, each with its advice.</summary>
        public IReadOnlyList<HostCheck> FailedHostChecks { get; set; } = new HostCheck[0];

        /// <summary>The daemon's version; null when it does not answer.</summary>
        public string? DockerVersion { get; set; }

        public bool DockerAnswers { get; set; }

        /// <summary>The invoking user (SUDO_USER under sudo).</summary>
        public string UserName { get; set; } = string.Empty;

        /// <summary>The group database lists the user in the docker group.</summary>
        public bool DockerGroupMember { get; set; }

        /// <summary>This session holds the group (false right after being added, until the user logs in again).</summary>
        public bool DockerGroupActive { get; set; }

        /// <summary>docker-compose, kubectl, kustomize and minikube as found; with -Online, LatestVersion and UpdateAvailable.</summary>
        public IReadOnlyList<KubeLabTool> Tools { get; set; } = new KubeLabTool[0];

        /// <summary>minikube's profiles and their status; empty without minikube.</summary>
        public IReadOnlyList<MinikubeProfile> Profiles { get; set; } = new MinikubeProfile[0];

        /// <summary>The kubeconfig's current context; null when there is none.</summary>
        public string? CurrentContext { get; set; }

        /// <summary>The tools with a newer release (-Online only).</summary>
        public IReadOnlyList<string> Outdated { get; set; } = new string[0];
    }
}
