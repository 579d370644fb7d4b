using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace KubeLab.Minikube
{
    /// <summary>Parsers of minikube's JSON outputs, on the shapes its source prints (see each method).</summary>
    public static class MinikubeOutput
    {
        /// <summary>Exit code for "profile, host or node not found" (reason.ExGuestNotFound).</summary>
        public const int ExitGuestNotFound = 85;

        /// <summary>Exit code for "the cluster is not running" (reason.ExGuestNotRunning).</summary>
        public const int ExitGuestNotRunning = 83;

        /// <summary>
        /// `minikube status -o json`: an object for one node, an array for several (cmd/minikube/cmd/status.go
        /// statusJSON). An exit code of 0-7 is the status bitmask, never a failure by itself.
        /// </summary>
        public static IReadOnlyList<MinikubeStatus> ParseStatus(string output, int exitCode, string profile)
        {
            var json = FirstJsonValue(output);
            if (json == null)
            {
                return Array.Empty<MinikubeStatus>();
            }

            var root = MinikubeJson.Parse(json, "minikube status output");
            var nodes = root is YamlSequenceNode sequence ? sequence.Children : (IEnumerable<YamlNode>)new[] { root };
            return nodes.Select(node => new MinikubeStatus(
                    profile,
                    MinikubeJson.Text(node, "Name") ?? profile,
                    MinikubeJson.Text(node, "Host") ?? string.Empty,
                    MinikubeJson.Text(node, "Kubelet") ?? string.Empty,
                    MinikubeJson.Text(node, "APIServer") ?? string.Empty,
                    MinikubeJson.Text(node, "Kubeconfig") ?? string.Empty,
                    MinikubeJson.Bool(node, "Worker"),
                    exitCode & 7)
                {
                    TimeToStop = MinikubeJson.Text(node, "TimeToStop"),
                    DockerEnv = MinikubeJson.Text(node, "DockerEnv"),
                    PodManEnv = MinikubeJson.Text(node, "PodManEnv"),
                })
                .ToList();
        }

        /// <summary>
        /// `minikube addons list -o json`: {"name":{"Profile":..,"Status":"enabled|disabled"}} with keys sorted;
        /// each value is {} when there is no profile (cmd/minikube/cmd/config/addons_list.go printAddonsJSON).
        /// </summary>
        public static IReadOnlyList<MinikubeAddon> ParseAddons(string output)
        {
            var json = FirstJsonValue(output) ?? throw MinikubeJson.Invalid("minikube addons list output", "it holds no JSON");
            if (!(MinikubeJson.Parse(json, "minikube addons list output") is YamlMappingNode root))
            {
                throw MinikubeJson.Invalid("minikube addons list output", "it is not a JSON object");
            }

            return root.Children
                .Where(entry => entry.Key is YamlScalarNode)
                .Select(entry => new MinikubeAddon(
                    ((YamlScalarNode)entry.Key).Value ?? string.Empty,
                    MinikubeJson.Text(entry.Value, "Profile"),
                    string.Equals(MinikubeJson.Text(entry.Value, "Status"), "enabled", StringComparison.Ordinal))
                {
                    Maintainer = NonEmpty(MinikubeJson.Text(entry.Value, "Maintainer")),
                    Docs = NonEmpty(MinikubeJson.Text(entry.Value, "Docs")),
                })
                .OrderBy(addon => addon.Name, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>
        /// `minikube profile list -o json`: {"invalid":[...],"valid":[...]} of config.Profile (Name, Status, Config,
        /// Active, ActiveKubeContext); Config is the ClusterConfig with Go field names (cmd/minikube/cmd/config/profile_list.go
        /// printProfilesJSON, pkg/minikube/config/types.go). A load error is {"error":...} with exit 80.
        /// </summary>
        public static IReadOnlyList<MinikubeProfile> ParseProfiles(string output)
        {
            var json = FirstJsonValue(output) ?? throw MinikubeJson.Invalid("minikube profile list output", "it holds no JSON");
            var root = MinikubeJson.Parse(json, "minikube profile list output");
            var profiles = new List<MinikubeProfile>();
            foreach (var valid in new[] { true, false })
            {
                if (!(MinikubeJson.Child(root, valid ? "valid" : "invalid") is YamlSequenceNode list))
                {
                    continue;
                }

                foreach (var node in list.Children)
                {
                    var config = MinikubeJson.Child(node, "Config");
                    var kubernetes = MinikubeJson.Child(config, "KubernetesConfig");
                    profiles.Add(new MinikubeProfile(MinikubeJson.Text(node, "Name") ?? string.Empty, valid)
                    {
                        Status = valid ? MinikubeJson.Text(node, "Status") ?? string.Empty : "Invalid",
                        Driver = MinikubeJson.Text(config, "Driver"),
                        KubernetesVersion = MinikubeJson.Text(kubernetes, "KubernetesVersion"),
                        ContainerRuntime = MinikubeJson.Text(kubernetes, "ContainerRuntime"),
                        Nodes = MinikubeJson.Child(config, "Nodes") is YamlSequenceNode nodes ? nodes.Children.Count : 0,
                        Cpus = MinikubeJson.Int(config, "CPUs"),
                        Memory = MinikubeJson.Int(config, "Memory"),
                        Active = MinikubeJson.Bool(node, "Active"),
                        ActiveKubeContext = MinikubeJson.Bool(node, "ActiveKubeContext"),
                    });
                }
            }

            return profiles;
        }

        private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        /// <summary>The "error" of a profile list that could not load (exit 80); null otherwise.</summary>
        public static string? ProfileListError(string output)
        {
            var json = FirstJsonValue(output);
            if (json == null)
            {
                return null;
            }

            var error = MinikubeJson.Child(MinikubeJson.Parse(json, "minikube profile list output"), "error");
            return error == null ? null : MinikubeJson.Text(error) ?? "(no message)";
        }

        /// <summary>
        /// The first line holding a JSON object or array that is not a CloudEvent: minikube may print events
        /// (info, warning) or klog lines around the document itself.
        /// </summary>
        internal static string? FirstJsonValue(string output)
        {
            var lines = output.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if ((line.StartsWith("{", StringComparison.Ordinal) || line.StartsWith("[", StringComparison.Ordinal))
                    && MinikubeEvent.TryParse(line) == null)
                {
                    // json.Marshal writes the whole document on one line.
                    return line.Trim();
                }
            }

            return null;
        }
    }
}
