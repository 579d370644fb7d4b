using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KubeLab.Infrastructure;

namespace KubeLab.Completers
{
    /// <summary>
    /// Minikube profiles: the folders minikube keeps under its home ($MINIKUBE_HOME, else ~/.minikube of the user
    /// minikube runs as), read instead of running `minikube profile list` on every Tab.
    /// </summary>
    public sealed class MinikubeProfileCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters)
        {
            var profiles = Path.Combine(MinikubeHome(), "profiles");
            return Directory.Exists(profiles)
                ? Directory.GetDirectories(profiles).Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).ToList()
                : Enumerable.Empty<string>();
        }

        // minikube's localpath.MiniPath: MINIKUBE_HOME is the .minikube folder itself or its parent.
        private static string MinikubeHome()
        {
            var configured = Environment.GetEnvironmentVariable("MINIKUBE_HOME");
            if (string.IsNullOrEmpty(configured))
            {
                var services = new ServiceFactory(NullOperationLog.Instance, path => path);
                return Path.Combine(services.Identity.InvokingUserHome, ".minikube");
            }

            return Path.GetFileName(configured!.TrimEnd('/')) == ".minikube" ? configured : Path.Combine(configured, ".minikube");
        }
    }

    /// <summary>
    /// minikube's start options that take a word from a short, documented list (still free text: minikube knows
    /// more drivers and sizes than these), and addon names of the stock addons the lab course uses.
    /// </summary>
    public sealed class MinikubeOptionCompleter : ValueCompleter
    {
        private static readonly Dictionary<string, string[]> Options = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["Driver"] = new[] { "docker", "podman", "none", "ssh", "kvm2", "qemu2", "virtualbox" },
            ["Cpus"] = new[] { "2", "4", "max", "no-limit" },
            ["Memory"] = new[] { "2g", "4g", "8g", "max", "no-limit" },
            ["DiskSize"] = new[] { "20g", "40g" },
            ["ImageRepository"] = new[] { "auto" },
            ["Addon"] = Addons,
            ["Name"] = Addons,
        };

        private static string[] Addons => new[]
        {
            "dashboard", "default-storageclass", "ingress", "ingress-dns", "metallb", "metrics-server", "registry", "storage-provisioner",
        };

        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters) =>
            Options.TryGetValue(parameterName, out var values) ? values : Enumerable.Empty<string>();
    }

    /// <summary>
    /// -UserName of the docker group cmdlets: the user the cmdlet defaults to (SUDO_USER under sudo) and the
    /// group's members, from the user database.
    /// </summary>
    public sealed class DockerGroupUserCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters)
        {
            var services = new ServiceFactory(NullOperationLog.Instance, path => path);
            var members = Processes.UserDatabase.FindGroup("docker")?.Members ?? (IReadOnlyList<string>)Array.Empty<string>();
            return new[] { services.Identity.InvokingUser }.Concat(members.OrderBy(name => name, StringComparer.Ordinal));
        }
    }
}
