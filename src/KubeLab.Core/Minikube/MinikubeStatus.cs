namespace KubeLab.Minikube
{
    /// <summary>
    /// One node of `minikube status -o json` (cluster.Status in pkg/minikube/cluster/status.go), with the exit
    /// code's bitmask decoded. The bitmask is ORed over all nodes of the profile, so every node of one call
    /// carries the same ExitCode.
    /// </summary>
    public sealed class MinikubeStatus
    {
        /// <summary>Bit 1 of the exit code: a host is not Running.</summary>
        public const int HostBit = 1;

        /// <summary>Bit 2: a kubelet, or an apiserver that matters, is not Running.</summary>
        public const int KubernetesBit = 2;

        /// <summary>Bit 4: a kubeconfig is neither Configured nor Irrelevant.</summary>
        public const int KubeconfigBit = 4;

        public MinikubeStatus(string profile, string node, string host, string kubelet, string apiServer, string kubeconfig, bool worker, int exitCode)
        {
            Profile = profile;
            Node = node;
            Host = host;
            Kubelet = kubelet;
            APIServer = apiServer;
            Kubeconfig = kubeconfig;
            Worker = worker;
            ExitCode = exitCode;
        }

        public string Profile { get; }

        /// <summary>The node's machine name: the profile for the first node, then profile-m02, -m03 ...</summary>
        public string Node { get; }

        public string Host { get; }

        public string Kubelet { get; }

        public string APIServer { get; }

        public string Kubeconfig { get; }

        public bool Worker { get; }

        /// <summary>Set while a scheduled stop is pending.</summary>
        public string? TimeToStop { get; internal set; }

        public string? DockerEnv { get; internal set; }

        public string? PodManEnv { get; internal set; }

        /// <summary>minikube status's exit code: 0, or the OR of 1 (host), 2 (Kubernetes), 4 (kubeconfig).</summary>
        public int ExitCode { get; }

        public bool HostNotRunning => (ExitCode & HostBit) != 0;

        public bool KubernetesNotRunning => (ExitCode & KubernetesBit) != 0;

        public bool KubeconfigNotConfigured => (ExitCode & KubeconfigBit) != 0;

        /// <summary>True when the whole profile is up (exit code 0).</summary>
        public bool Healthy => ExitCode == 0;

        /// <summary>
        /// This node's own share of the bitmask, by minikube's rule (cmd/minikube/cmd/status.go exitCode):
        /// what this node alone would contribute.
        /// </summary>
        public int NodeExitCode
        {
            get
            {
                var code = 0;
                if (Host != "Running")
                {
                    code |= HostBit;
                }

                if (Kubelet != "Running" || (APIServer != "Running" && APIServer != "Irrelevant"))
                {
                    code |= KubernetesBit;
                }

                if (Kubeconfig != "Configured" && Kubeconfig != "Irrelevant")
                {
                    code |= KubeconfigBit;
                }

                return code;
            }
        }
    }

    /// <summary>One profile of `minikube profile list -o json`: a valid one, or one minikube marks invalid.</summary>
    public sealed class MinikubeProfile
    {
        public MinikubeProfile(string name, bool valid)
        {
            Name = name;
            Valid = valid;
        }

        public string Name { get; }

        /// <summary>minikube's StatusName: OK, Stopped, Paused, Starting, Unknown, Error ...; Invalid for an invalid profile.</summary>
        public string Status { get; internal set; } = string.Empty;

        public string? Driver { get; internal set; }

        public string? KubernetesVersion { get; internal set; }

        public string? ContainerRuntime { get; internal set; }

        /// <summary>How many nodes the profile has.</summary>
        public int Nodes { get; internal set; }

        public int? Cpus { get; internal set; }

        /// <summary>Memory in MB, as minikube stores it.</summary>
        public int? Memory { get; internal set; }

        /// <summary>The profile minikube would use without -p.</summary>
        public bool Active { get; internal set; }

        /// <summary>The profile is the current-context of the first KUBECONFIG file.</summary>
        public bool ActiveKubeContext { get; internal set; }

        /// <summary>False for the profiles minikube lists under "invalid" (no config, no driver, a node without a version).</summary>
        public bool Valid { get; }
    }

    /// <summary>One addon of `minikube addons list -o json`.</summary>
    public sealed class MinikubeAddon
    {
        public MinikubeAddon(string name, string? profile, bool enabled)
        {
            Name = name;
            Profile = profile;
            Enabled = enabled;
        }

        public string Name { get; }

        public bool Enabled { get; }

        /// <summary>The profile it belongs to; null when there is no profile yet (minikube then prints {} per addon).</summary>
        public string? Profile { get; }

        public string? Maintainer { get; internal set; }

        public string? Docs { get; internal set; }
    }
}
