using System.Collections.Generic;

namespace KubeLab.Minikube
{
    /// <summary>What Start-Minikube passes to `minikube start`; null means minikube's own default.</summary>
    public sealed class MinikubeStartOptions
    {
        public string? Profile { get; set; }

        public string? Driver { get; set; }

        public string? KubernetesVersion { get; set; }

        /// <summary>A number, max or no-limit.</summary>
        public string? Cpus { get; set; }

        /// <summary>Such as 4096, 4g, max or no-limit.</summary>
        public string? Memory { get; set; }

        /// <summary>Such as 20000mb or 40g.</summary>
        public string? DiskSize { get; set; }

        public int? Nodes { get; set; }

        public string? ContainerRuntime { get; set; }

        public IList<string> Addons { get; } = new List<string>();

        /// <summary>minikube's --binary-mirror: the base it fetches kubectl, kubelet and kubeadm from.</summary>
        public string? BinaryMirror { get; set; }

        public string? ImageRepository { get; set; }
    }

    /// <summary>What a command run inside the cluster (minikube ssh, minikube kubectl) printed, and how it ended.</summary>
    public sealed class MinikubeCommandOutput
    {
        public MinikubeCommandOutput(IReadOnlyList<string> lines, int exitCode, MinikubeException? failure)
        {
            Lines = lines;
            ExitCode = exitCode;
            Failure = failure;
        }

        /// <summary>Standard output, line by line.</summary>
        public IReadOnlyList<string> Lines { get; }

        public int ExitCode { get; }

        /// <summary>The non-zero exit code as an error to report after the output; null on success.</summary>
        public MinikubeException? Failure { get; }
    }
}
