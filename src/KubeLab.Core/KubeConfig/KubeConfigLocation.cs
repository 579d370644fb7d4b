using System;
using System.Collections.Generic;

namespace KubeLab.Core.Kubeconfig
{
    /// <summary>
    /// Which files make up the kubeconfig, following client-go: an explicit file, else every KUBECONFIG
    /// entry, else ~/.kube/config; and which file receives new entries (GetDefaultFilename).
    /// </summary>
    public sealed class KubeConfigLocation
    {
        // TODO(H1): implement; this placeholder only fixes the API the cmdlets are written against.
        private KubeConfigLocation()
        {
        }

        /// <summary>The -Path file, like kubectl --kubeconfig; null when the chain is used.</summary>
        public string? ExplicitFile { get; private set; }

        /// <summary>Loading precedence: the explicit file alone, or the KUBECONFIG chain, or ~/.kube/config.</summary>
        public IReadOnlyList<string> Precedence { get; private set; } = new string[0];

        /// <summary>Where new entries and a new current-context are written.</summary>
        public string DefaultFile { get; private set; } = "";

        /// <summary>From this process's KUBECONFIG and home directory.</summary>
        public static KubeConfigLocation Resolve(string? explicitPath) => throw new NotImplementedException();

        /// <summary>From given values, so tests need not touch the process environment.</summary>
        public static KubeConfigLocation Resolve(string? explicitPath, string? kubeconfigVariable, string homeDirectory, char listSeparator) =>
            throw new NotImplementedException();
    }
}
