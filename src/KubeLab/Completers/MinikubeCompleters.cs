using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using KubeLab.Infrastructure;
using KubeLab.Minikube;

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
                ? Directory.GetDirectories(profiles)
                    .Where(folder => File.Exists(Path.Combine(folder, "config.json")))   // what `minikube profile list` counts
                    .Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).ToList()
                : Enumerable.Empty<string>();
        }

        // minikube's localpath.MiniPath: MINIKUBE_HOME is the .minikube folder itself or its parent.
        private static string MinikubeHome()
        {
            var configured = Environment.GetEnvironmentVariable("MINIKUBE_HOME");
            if (string.IsNullOrEmpty(configured))
            {
                return Path.Combine(LocalServices().Identity.InvokingUserHome, ".minikube");
            }

            return Path.GetFileName(configured!.TrimEnd('/')) == ".minikube" ? configured : Path.Combine(configured, ".minikube");
        }
    }

    /// <summary>
    /// minikube's start options that take a word from a short, documented list (still free text: minikube knows
    /// more drivers and sizes than these).
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
        };

        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters) =>
            Options.TryGetValue(parameterName, out var values) ? values : Enumerable.Empty<string>();
    }

    /// <summary>
    /// Addon names as Get-MinikubeAddon reads them: `minikube addons list -o json` for the -Profile on the line. The
    /// list is compiled into minikube, so it is asked once per minikube binary (path and modification time) and
    /// session, and Tab waits for it at most <see cref="Patience"/>. Where minikube cannot answer (not installed, no
    /// profile yet, plain root, too slow) the stock addons the lab course uses are offered instead.
    /// </summary>
    public sealed class MinikubeAddonCompleter : ValueCompleter
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
        private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Asked = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        private static readonly string[] Stock =
        {
            "dashboard", "default-storageclass", "ingress", "ingress-dns", "metallb", "metrics-server", "registry", "storage-provisioner",
        };

        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters)
        {
            var client = LocalServices().Minikube();
            string program;
            try
            {
                program = client.FindProgram();
            }
            catch (MinikubeException)
            {
                return Stock;
            }

            var key = program + "|" + File.GetLastWriteTimeUtc(program).Ticks;
            if (Asked.TryGetValue(key, out var known))
            {
                return known;
            }

            var profile = Bound(boundParameters, "Profile").FirstOrDefault();
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                var names = client.GetAddonsAsync(profile, timeout.Token).GetAwaiter().GetResult().Select(addon => addon.Name).OrderBy(name => name, StringComparer.Ordinal).ToList();
                return Asked[key] = names;
            }
            catch (Exception)
            {
                return Stock;
            }
        }
    }

    /// <summary>
    /// -UserName of the docker group cmdlets: the user the cmdlet defaults to (SUDO_USER under sudo) first, then
    /// the group's members, as Get-DockerGroupUser lists them.
    /// </summary>
    public sealed class DockerGroupUserCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters)
        {
            var group = LocalServices().DockerGroup();
            return new[] { group.DefaultUser }.Concat(group.DefaultUsers().OrderBy(name => name, StringComparer.Ordinal));
        }
    }
}
