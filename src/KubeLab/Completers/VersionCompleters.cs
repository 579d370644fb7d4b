using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KubeLab.Docker;
using KubeLab.Infrastructure;
using KubeLab.Releases;
using KubeLab.Tools;

namespace KubeLab.Completers
{
    /// <summary>
    /// -Version of the tool installers: the version KubeLab recorded for the tool in the destination folder (the
    /// record the installer reads to say AlreadyInstalled). Upstream's releases would need the network.
    /// </summary>
    public sealed class ToolVersionCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters) =>
            RecordedVersions(ToolsOf(commandName, boundParameters), boundParameters);

        /// <summary>The versions recorded for these tools in -Destination as typed, else the default folder.</summary>
        internal static IEnumerable<string> RecordedVersions(IEnumerable<string> tools, IDictionary boundParameters)
        {
            var typed = Bound(boundParameters, "Destination").FirstOrDefault();
            var records = new InstallRecords(LocalServices().ToolDestinationFor(typed));
            return tools.Select(records.Find).Where(record => record != null).Select(record => record!.Version).ToList();
        }

        // Install-Kubectl, Install-DockerCompose ... name their tool; Install-/Update-KubeLabTool take -Name.
        private static IEnumerable<string> ToolsOf(string commandName, IDictionary boundParameters)
        {
            var noun = commandName.Substring(commandName.IndexOf('-') + 1);
            var own = ToolCatalog.Names.Where(name => string.Equals(name.Replace("-", string.Empty), noun, StringComparison.OrdinalIgnoreCase)).ToList();
            if (own.Count > 0)
            {
                return own;
            }

            var named = Bound(boundParameters, "Name").ToList();
            return named.Count > 0 ? named : ToolCatalog.Names;
        }
    }

    /// <summary>
    /// -KubernetesVersion: minikube's own words (stable, latest) and the kubectl version KubeLab installed, since
    /// a cluster that matches its client is the usual wish.
    /// </summary>
    public sealed class KubernetesVersionCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters) =>
            new[] { "stable", "latest" }.Concat(ToolVersionCompleter.RecordedVersions(new[] { "kubectl" }, boundParameters));
    }

    /// <summary>
    /// Install-Docker -Version: the upstream part of the Docker Engine version dpkg has installed (a reinstall or a
    /// pin). The versions apt could install come from apt-cache madison, which Tab should not wait for.
    /// </summary>
    public sealed class DockerVersionCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters)
        {
            if (!File.Exists(DpkgStatus.DefaultPath))
            {
                return Enumerable.Empty<string>();
            }

            var packages = DpkgStatus.Load();
            return new[] { "docker-ce", DockerRepository.DistributionPackage }
                .Select(packages.VersionOf)
                .Where(version => version != null)
                .Select(version => DpkgStatus.UpstreamVersion(version!))
                .ToList();
        }
    }
}
